package org.userlm.workbench.inference.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;

/** Device choice for local models: CUDA when DJL sees a GPU, else CPU, overridable. */
final class Devices {
    private Devices() {
    }

    /** The device for {@code auto|cpu|gpu}; {@code auto} follows {@code -Duserlm.device}, then the GPU count. */
    static Device choose(String requested) throws ModelLoadException {
        String d = requested;
        if ("auto".equals(d)) {
            d = System.getProperty("userlm.device", "auto");
        }
        CpuThreads.beforeEngineStart(); // DJL reads its thread count once, when the engine starts
        Engine engine;
        try {
            engine = Engine.getEngine("PyTorch");
        } catch (RuntimeException e) {
            throw new ModelLoadException("the PyTorch engine did not start: " + e.getMessage()
                    + " (see docs/local-models.md)", e);
        }
        int gpus = engine.getGpuCount();
        switch (d) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (gpus == 0) {
                    throw new ModelLoadException("device gpu was asked for but DJL sees no CUDA GPU "
                            + "(see docs/local-models.md for PYTORCH_LIBRARY_PATH/PYTORCH_FLAVOR)");
                }
                return Device.gpu();
            case "auto":
                return gpus > 0 ? Device.gpu() : Device.cpu();
            default:
                throw new ModelLoadException("unknown device " + d + " (auto, cpu or gpu)");
        }
    }

    /** Free CUDA memory of a device, or -1 when unknown. */
    static long freeGpuBytes(Device device) {
        try {
            MemoryUsage mu = CudaUtils.getGpuMemory(device);
            return mu.getMax() - mu.getCommitted();
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

}
