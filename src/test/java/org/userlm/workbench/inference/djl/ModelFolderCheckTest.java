package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.tasks.SharedData;

/** A model folder is first opened in a child JVM: hostile tokenizers and templates cost one error (issue 10). */
class ModelFolderCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path copyOfGolden(String name) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(name));
        try (Stream<Path> s = Files.list(SharedData.goldenModel())) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private static void editJson(Path file, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(n);
        JSON.writeValue(file.toFile(), n);
    }

    @Test
    void theGoldenFolderPassesAndTheVerdictIsCachedByFingerprint() throws Exception {
        Path dir = copyOfGolden("good");
        String before = ModelFolderCheck.fingerprint(dir);
        assertDoesNotThrow(() -> ModelFolderCheck.vet(dir));
        assertDoesNotThrow(() -> ModelFolderCheck.vet(dir));
        assertEquals(before, ModelFolderCheck.fingerprint(dir));
        editJson(dir.resolve("tokenizer_config.json"), n -> n.put("chat_template", "{{ 'changed' }}"));
        assertTrue(!before.equals(ModelFolderCheck.fingerprint(dir)), "an edited file changes the fingerprint");
    }

    @Test
    void aBrokenTokenizerCostsOneErrorNotTheProcess() throws Exception {
        Path dir = copyOfGolden("bad-tokenizer");
        editJson(dir.resolve("tokenizer.json"), n -> n.putObject("normalizer").put("type", "Precompiled")
                .put("precompiled_charsmap", "AAAA////not a charsmap"));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelFolderCheck.vet(dir));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("bad-tokenizer"), e.getMessage());
    }

    @Test
    void aTemplateThatExplodesCostsOneError() throws Exception {
        Path dir = copyOfGolden("bad-template");
        editJson(dir.resolve("tokenizer_config.json"), n -> n.put("chat_template",
                "{% set s = 'xxxxxxxx' %}{% for i in range(40) %}{% set s = s ~ s %}{% endfor %}{{ s }}"));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> LocalModels.load(dir));
        assertTrue(e.getMessage().startsWith("bad-template: chat template failed"), e.getMessage());
    }
}
