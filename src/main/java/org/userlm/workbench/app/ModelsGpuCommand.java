package org.userlm.workbench.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.userlm.workbench.models.AppDataDir;
import org.userlm.workbench.models.CudaRuntime;
import org.userlm.workbench.models.DownloadControl;
import org.userlm.workbench.models.DownloadProgress;
import org.userlm.workbench.models.FitCheck;
import org.userlm.workbench.models.GpuInfo;
import org.userlm.workbench.models.HostMemory;
import org.userlm.workbench.models.ModelCatalog;
import org.userlm.workbench.models.ModelDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code models gpu [--model ID] [--install-cuda [--url URL] [--sha256 HEX]]}: what GPU and driver this machine
 * has, whether a model fits, and the CUDA libtorch install. Exit 0, 2 for an unknown model, 3 when the install
 * failed.
 */
@Command(name = "gpu", mixinStandardHelpOptions = true,
        description = {"Detect NVIDIA GPUs (nvidia-smi), check whether a model fits, install the CUDA libtorch.",
            "Exit: 0 ok, 2 bad arguments, 3 install failed."})
final class ModelsGpuCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "ID", defaultValue = "userlm-8b",
            description = "Descriptor id or repo for the fit check (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--install-cuda", description = "Download and unpack libtorch " + CudaRuntime.VERSION + " ("
            + CudaRuntime.FLAVOR + ") into the data folder; used from then on without environment variables.")
    boolean install;

    @Option(names = "--url", paramLabel = "URL", description = "Where to fetch the libtorch zip from.")
    String url = CudaRuntime.DEFAULT_URL;

    @Option(names = "--sha256", paramLabel = "HEX", description = "Expected sha256 of the zip (checked when given).")
    String sha256;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelCatalog catalog = ModelCatalog.load();
        ModelDescriptor d = catalog.find(model).orElse(null);
        if (d == null) {
            err.println("error: no descriptor " + model + " (models list shows them)");
            return 2;
        }
        GpuInfo gpu = GpuInfo.detect();
        out.println(gpu.describe());
        GpuInfo.Gpu best = gpu.best();
        if (best != null) {
            out.println(FitCheck.check(d, "gpu", "GPU " + best.index() + " (" + best.name() + ")", best.freeBytes(),
                    catalog.descriptors()).message());
        }
        long freeRam = HostMemory.availableBytes();
        if (freeRam >= 0) {
            out.println(FitCheck.check(d, "cpu", "this machine's RAM", freeRam, catalog.descriptors()).message());
        }
        CudaRuntime rt = new CudaRuntime(AppDataDir.runtimes());
        out.println(rt.installed() ? "CUDA libtorch installed: " + rt.libDir()
                : "CUDA libtorch not installed (models gpu --install-cuda; about 3 GB).");
        if (!install) {
            return 0;
        }
        DownloadProgress progress = new DownloadProgress();
        Thread printer = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(1000);
                    err.println(progress.snapshot().line());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "libtorch-progress");
        printer.setDaemon(true);
        printer.start();
        try {
            String sha = rt.install(url, sha256, progress, new DownloadControl());
            out.println("installed libtorch " + CudaRuntime.VERSION + " " + CudaRuntime.FLAVOR + " in " + rt.dir()
                    + " (zip sha256 " + sha + ")");
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 3;
        } finally {
            printer.interrupt();
        }
    }
}
