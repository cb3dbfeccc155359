package org.userlm.workbench.simulation;

import org.userlm.workbench.domain.Task;

/** Decides whether an assistant reply solves the task (the graders), for the "stop when solved" rule. */
@FunctionalInterface
public interface SolvedCheck {
    /** Never solved (the rule is off). */
    SolvedCheck NEVER = (task, reply) -> false;

    /** Whether {@code reply} is a correct answer to {@code task}. Runs on the runner thread. */
    boolean solved(Task task, String reply);
}
