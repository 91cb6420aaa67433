package io.sib2ae.orchestrator.score;

/**
 * A score input that cannot be processed, with the reason a person can act on and, where
 * the parser knows it, the file and the line and column of the fault.
 */
public class ScoreInputException extends RuntimeException {

    private final String file;
    private final Integer line;
    private final Integer column;

    public ScoreInputException(String reason, String file, Integer line, Integer column, Throwable cause) {
        super(reason, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public ScoreInputException(String reason, String file) {
        this(reason, file, null, null, null);
    }

    public String reason() {
        return getMessage();
    }

    public String file() {
        return file;
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }

    /** The one-line description used in logs and the one-shot command's exit message. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line != null) {
                text.append(':').append(line);
                if (column != null) {
                    text.append(':').append(column);
                }
            }
            text.append(": ");
        }
        return text.append(getMessage()).toString();
    }
}
