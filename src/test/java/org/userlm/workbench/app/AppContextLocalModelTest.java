package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.TokenListener;
import org.userlm.workbench.tasks.SharedData;

/** A local model folder is loaded once and survives one user closing its handle. */
class AppContextLocalModelTest {
    @TempDir
    Path dir;

    @Test
    void localModelIsSharedAndClosingAHandleDoesNotUnloadIt() throws Exception {
        Path golden = SharedData.goldenModel();
        try (AppContext ctx = AppContext.open(dir.resolve("w.db"))) {
            BackendSettings b = BackendSettings.local(golden.toString());
            ChatModel first = ctx.open(b);
            GenerationRequest req = new GenerationRequest(List.of(ChatMessage.system("You are a user.")),
                    GenerationParams.greedy(5));
            GenerationResult a = first.generate(req, TokenListener.NONE, new CancellationToken());
            first.close(); // e.g. the window closes its assistant after a conversation
            ChatModel second = ctx.open(b);
            GenerationResult again = second.generate(req, TokenListener.NONE, new CancellationToken());
            assertEquals(a.text(), again.text(), "same greedy output from the still-loaded model");
            assertTrue(again.completionTokens() > 0);
        }
    }
}
