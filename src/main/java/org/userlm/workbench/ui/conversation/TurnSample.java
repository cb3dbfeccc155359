package org.userlm.workbench.ui.conversation;

import java.util.List;
import javafx.scene.layout.Region;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;

/**
 * A real turn view of sample text, streamed and then settled the way a conversation's turns are, for warming the code
 * of a turn boundary before the first conversation streams (the shell's conversation warm-up). Never stored, never
 * editable. FX thread.
 */
public final class TurnSample {
    private final TurnViewModel vm;
    private final TurnView view;
    private final String text;

    /** A streaming turn of {@code role} that has received {@code text} in a few deltas. */
    public TurnSample(Role role, String text) {
        this.vm = new TurnViewModel(1, role);
        this.view = new TurnView(vm, TurnView.Actions.NONE);
        this.text = text;
        int step = Math.max(1, text.length() / 4);
        for (int i = 0; i < text.length(); i += step) {
            vm.append(text.substring(i, Math.min(text.length(), i + step)));
        }
    }

    public Region node() {
        return view;
    }

    /** Ends the turn as a completed one (its markdown settles, stats appear). */
    public void settle() {
        vm.finish(new Turn(1, vm.role(), text, text, TurnStatus.COMPLETE, null, 0L, 1L, 10L, null,
                text.length() / 4, null, "sample", List.of(), false, null));
    }
}
