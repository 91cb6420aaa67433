package io.sib2ae.orchestrator.score;

/**
 * The MIDI velocity a printed dynamic implies, used when no MIDI file gives the real one. The
 * steps follow the common notation-software table (mf = 80, f = 96).
 */
public final class DynamicsVelocity {

    private DynamicsVelocity() {
    }

    public static int of(String dynamic, int current) {
        return switch (dynamic) {
            case "pppp" -> 10;
            case "ppp" -> 16;
            case "pp" -> 33;
            case "p" -> 49;
            case "mp" -> 64;
            case "mf" -> 80;
            case "f", "fp" -> 96;
            case "ff" -> 112;
            case "fff" -> 120;
            case "ffff" -> 127;
            // Accents such as sfz mark one note and leave the level as it was.
            default -> current;
        };
    }
}
