package org.participe.budget.counting;

/**
 * The data given to the count are not a valid instance. {@link #problem()} says what is wrong and
 * {@link #subject()} names the project (or the value) at fault, so that a page can say it in the
 * reader's language.
 */
public class InvalidInstanceException extends IllegalArgumentException {

    /** What is wrong. */
    public enum Problem {
        BLANK_PROJECT_ID("A project has no id"),
        DUPLICATE_PROJECT_ID("Two projects have the same id"),
        COST_NOT_POSITIVE("A project's cost must be greater than zero"),
        BUDGET_NEGATIVE("The envelope cannot be negative"),
        UNKNOWN_PROJECT("A ballot names a project that is not in the envelope"),
        MALFORMED_FILE("The pabulib file cannot be read");

        private final String description;

        Problem(String description) {
            this.description = description;
        }
    }

    private final Problem problem;
    private final String subject;

    public InvalidInstanceException(Problem problem, String subject) {
        super(problem.description + ": " + subject);
        this.problem = problem;
        this.subject = subject;
    }

    public Problem problem() {
        return problem;
    }

    public String subject() {
        return subject;
    }
}
