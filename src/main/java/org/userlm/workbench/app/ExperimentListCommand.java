package org.userlm.workbench.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.userlm.workbench.domain.Experiment;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.ExperimentSlot.SlotStatus;
import org.userlm.workbench.simulation.experiment.ExperimentRunner;
import org.userlm.workbench.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code experiment list [--db FILE]}: one JSON line per experiment. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "One JSON line per stored experiment.")
final class ExperimentListCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        try (AppContext ctx = AppContext.open(db.given())) {
            for (Experiment stored : ctx.experiments().list()) {
                Experiment e = ExperimentRunner.effective(
                        ctx.experiments(), stored);
                var slots = ctx.experiments().slots(e.id());
                ObjectNode n = JSON.createObjectNode();
                n.put("experiment", e.id());
                n.put("name", e.name());
                n.put("planned", slots.size());
                n.put("conversations", count(slots, SlotStatus.DONE));
                n.put("failed", count(slots, SlotStatus.FAILED));
                n.put("status", e.status().wire());
                out.println(JSON.writeValueAsString(n));
            }
            out.flush();
            return 0;
        } catch (StorageException e) {
            spec.commandLine().getErr().println("experiment list: " + e.getMessage());
            return 3;
        }
    }

    private static long count(List<ExperimentSlot> slots, SlotStatus s) {
        return slots.stream().filter(x -> x.status() == s).count();
    }
}
