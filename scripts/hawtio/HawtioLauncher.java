/*
 * Starts the Hawtio launcher of io.hawt:hawtio-embedded:3.0.0 with its command-line options.
 * That version's main() ignores its arguments (it never hands them to its picocli parser), so
 * this calls io.hawt.embedded.Main.run(String...), which does. Run as a single-file program:
 *   java -cp 'target/hawtio/lib/*' scripts/hawtio/HawtioLauncher.java --war ... --host ... --port ... --join
 * Used by scripts/hawtio.sh; not part of the orchestrator's build.
 */
public class HawtioLauncher {
    public static void main(String[] args) throws Exception {
        Class.forName("io.hawt.embedded.Main").getMethod("run", String[].class).invoke(null, (Object) args);
    }
}
