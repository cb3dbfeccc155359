package org.userlm.workbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** nvidia-smi parsing on canned outputs, and the fit messages. */
class GpuAndFitTest {
    private static String fixture(String name) throws Exception {
        return Files.readString(Path.of(GpuAndFitTest.class.getResource("/fixtures/nvidia-smi/" + name).toURI()));
    }

    @Test
    void parsesOneConsumerGpu() throws Exception {
        GpuInfo g = GpuInfo.parse(fixture("rtx4070-query.csv"), fixture("rtx4070-banner.txt"));
        assertEquals(1, g.gpus().size());
        assertEquals(new GpuInfo.Gpu(0, "NVIDIA GeForce RTX 4070", 12282, 11893), g.gpus().get(0));
        assertEquals("570.86.15", g.driver());
        assertEquals("12.8", g.cudaVersion());
        assertTrue(g.driverSupportsLibtorch());
        assertNull(g.problem());
        assertTrue(g.describe().contains("cu128"), g.describe());
    }

    @Test
    void parsesTwoGpusAndAnOldDriver() throws Exception {
        GpuInfo g = GpuInfo.parse(fixture("two-a100-query.csv"), fixture("two-a100-banner.txt"));
        assertEquals(2, g.gpus().size());
        assertEquals(0, g.best().index());
        assertEquals("12.2", g.cudaVersion());
        assertFalse(g.driverSupportsLibtorch());
        assertTrue(g.describe().contains("570 or newer"), g.describe());
    }

    @Test
    void noDevicesIsAProblemNotACrash() throws Exception {
        GpuInfo g = GpuInfo.parse(fixture("no-devices.txt"), null);
        assertTrue(g.gpus().isEmpty());
        assertTrue(g.problem().contains("No devices were found"), g.problem());
        assertTrue(g.describe().startsWith("No NVIDIA GPU"));
    }

    @Test
    void userLmOnATwelveGigabyteGpuSaysWhatFits() {
        ModelCatalog c = ModelCatalog.load(null);
        ModelDescriptor u = c.find("userlm-8b").orElseThrow();
        FitCheck.Verdict v = FitCheck.check(u, "gpu", "this GPU", 12_000_000_000L, c.descriptors());
        assertFalse(v.fits());
        assertTrue(v.message().startsWith("UserLM-8b needs 19.4 GB in F16 (16.1 GB of weights + 1.1 GB of KV cache"
                + " for 8192 tokens"), v.message());
        assertTrue(v.message().contains("this GPU has 12.0 GB free"), v.message());
        assertTrue(v.message().contains("Llama-3.2-3B-Instruct (8.6 GB)")
                && v.message().contains("Llama-3.2-1B-Instruct (3.6 GB)"), v.message());
        assertFalse(v.message().contains("tiny"), "the test model is never suggested");
        assertFalse(v.message().contains("Llama-3.1-8B-Instruct"), v.message());
    }

    @Test
    void fitsOnABigGpuAndTheCpuMessageGivesTheGpuFigure() {
        ModelCatalog c = ModelCatalog.load(null);
        ModelDescriptor u = c.find("userlm-8b").orElseThrow();
        assertTrue(FitCheck.check(u, "gpu", "GPU 0", 80_000_000_000L, c.descriptors()).fits());
        FitCheck.Verdict cpu = FitCheck.check(u, "cpu", "RAM", 16_000_000_000L, c.descriptors());
        assertFalse(cpu.fits());
        assertTrue(cpu.message().contains("38.2 GB in F32") && cpu.message().contains("On a GPU it needs 19.4 GB"),
                cpu.message());
    }
}
