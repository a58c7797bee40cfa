package io.passerelle.importjob;

import io.passerelle.run.RunErrorView;
import io.passerelle.run.RunView;
import java.util.List;

/** One line of a job's run: the sync run of one company × flow, its first errors and how many it has in all. */
public record JobLine(RunView run, List<RunErrorView> firstErrors, int errorCount) {

    public JobLine {
        firstErrors = List.copyOf(firstErrors);
    }
}
