package org.userlm.workbench.ui.models;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.userlm.workbench.models.AppDataDir;
import org.userlm.workbench.models.CudaRuntime;
import org.userlm.workbench.models.DownloadControl;
import org.userlm.workbench.models.DownloadProgress;
import org.userlm.workbench.models.DownloadResult;
import org.userlm.workbench.models.Downloader;
import org.userlm.workbench.models.FitCheck;
import org.userlm.workbench.models.GpuInfo;
import org.userlm.workbench.models.HfCache;
import org.userlm.workbench.models.HubClient;
import org.userlm.workbench.models.HubListing;
import org.userlm.workbench.models.HostMemory;
import org.userlm.workbench.models.LocalFolders;
import org.userlm.workbench.models.ModelCatalog;
import org.userlm.workbench.models.ModelDescriptor;

/**
 * State of the model manager: the catalog, folders on this machine, the GPU and fit verdict of the selected model,
 * and one download at a time. Disk, nvidia-smi and network work run on one background thread; the progress of a
 * download is polled four times a second on the FX thread (never one {@code runLater} per chunk).
 */
public final class ModelManagerViewModel {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "model-manager");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService downloads = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "model-download");
        t.setDaemon(true);
        return t;
    });
    private final Supplier<HubClient> hub;
    private final Path downloadsDir;
    private final Path hubCache;
    final ObservableList<ModelDescriptor> descriptors = FXCollections.observableArrayList();
    final ObservableList<LocalFolders.Folder> folders = FXCollections.observableArrayList();
    final ObjectProperty<ModelDescriptor> selected = new SimpleObjectProperty<>();
    final StringProperty gpuText = new SimpleStringProperty("Looking for NVIDIA GPUs…");
    final StringProperty fitText = new SimpleStringProperty("");
    final StringProperty downloadText = new SimpleStringProperty("");
    final DoubleProperty downloadFraction = new SimpleDoubleProperty(0);
    final BooleanProperty downloading = new SimpleBooleanProperty(false);
    /** True when an NVIDIA GPU with a CUDA 12.8 driver is present and the CUDA libtorch is not installed yet. */
    final BooleanProperty cudaOffer = new SimpleBooleanProperty(false);
    private final Timeline poll;
    private volatile GpuInfo gpu;
    private volatile DownloadControl control;
    private volatile DownloadProgress progress;
    private volatile String downloadingName = "";

    /** The workbench's defaults: {@code HF_ENDPOINT}/{@code HF_TOKEN}, the data folder, the HF cache. */
    public static ModelManagerViewModel standard() {
        return new ModelManagerViewModel(HubClient::fromEnvironment, AppDataDir.downloads(), HfCache.hubDir());
    }

    public ModelManagerViewModel(Supplier<HubClient> hub, Path downloadsDir, Path hubCache) {
        this.hub = hub;
        this.downloadsDir = downloadsDir;
        this.hubCache = hubCache;
        poll = new Timeline(new KeyFrame(Duration.millis(250), e -> showProgress()));
        poll.setCycleCount(Timeline.INDEFINITE);
        selected.addListener((o, a, d) -> updateFit());
    }

    /** Reads descriptors, folders and the GPU off the FX thread. */
    public void refresh() {
        worker.submit(() -> {
            ModelCatalog c = ModelCatalog.load();
            List<LocalFolders.Folder> fs = LocalFolders.scan(downloadsDir, hubCache);
            Platform.runLater(() -> {
                ModelDescriptor keep = selected.get();
                descriptors.setAll(c.descriptors());
                folders.setAll(fs);
                selected.set(keep != null ? c.find(keep.id()).orElse(null) : descriptors.isEmpty() ? null
                        : descriptors.get(0));
            });
            if (gpu == null) {
                GpuInfo g = GpuInfo.detect();
                gpu = g;
                boolean offer = g.driverSupportsLibtorch() && !new CudaRuntime(AppDataDir.runtimes()).installed();
                Platform.runLater(() -> {
                    gpuText.set(g.describe());
                    cudaOffer.set(offer);
                    updateFit();
                });
            }
        });
    }

    private void updateFit() {
        ModelDescriptor d = selected.get();
        GpuInfo g = gpu;
        if (d == null || g == null || d.architecture() == null) {
            fitText.set("");
            return;
        }
        GpuInfo.Gpu best = g.best();
        fitText.set(best != null
                ? FitCheck.check(d, "gpu", "GPU " + best.index(), best.freeBytes(), descriptors).message()
                : FitCheck.check(d, "cpu", "this machine's RAM", HostMemory.availableBytes(), descriptors).message());
    }

    /** Starts downloading the selected model into the data folder (resumes a partial download). */
    public void download() {
        ModelDescriptor d = selected.get();
        if (d == null || downloading.get()) {
            return;
        }
        DownloadControl c = new DownloadControl();
        DownloadProgress p = new DownloadProgress();
        control = c;
        progress = p;
        downloadingName = d.name();
        downloading.set(true);
        downloadText.set("Listing " + d.repo() + "…");
        poll.play();
        downloads.submit(() -> {
            String end;
            try {
                HubClient client = hub.get();
                HubListing l = client.listing(d.repo(), d.revision());
                DownloadResult r = Downloader.standard(client).download(l, downloadsDir.resolve(
                        d.repo().replace("/", "--")), p, c);
                if (r.ok()) {
                    LocalFolders.writeManifest(r, l.commit());
                }
                end = switch (r.status()) {
                    case "done" -> r.ok() ? d.name() + " is ready: " + r.dir() : firstError(r);
                    case "paused" -> "Paused; Download again resumes where it stopped.";
                    case "cancelled" -> "Cancelled; partial files deleted.";
                    default -> firstError(r);
                };
            } catch (Exception e) {
                end = e.getMessage();
            }
            String message = end;
            Platform.runLater(() -> {
                poll.stop();
                showProgress();
                downloading.set(false);
                downloadText.set(message);
                refresh();
            });
        });
    }

    /** Downloads and unpacks the CUDA libtorch into the data folder, with the same progress line. */
    public void installCuda() {
        if (downloading.get()) {
            return;
        }
        DownloadControl c = new DownloadControl();
        DownloadProgress p = new DownloadProgress();
        control = c;
        progress = p;
        downloadingName = "CUDA libtorch " + CudaRuntime.VERSION;
        downloading.set(true);
        poll.play();
        downloads.submit(() -> {
            String end;
            try {
                new CudaRuntime(AppDataDir.runtimes()).install(CudaRuntime.DEFAULT_URL, null, p, c);
                end = "CUDA libtorch installed; restart the workbench to run local models on the GPU.";
            } catch (Exception e) {
                end = e.getMessage();
            }
            String message = end;
            Platform.runLater(() -> {
                poll.stop();
                downloading.set(false);
                cudaOffer.set(!new CudaRuntime(AppDataDir.runtimes()).installed());
                downloadText.set(message);
            });
        });
    }

    private static String firstError(DownloadResult r) {
        return r.files().stream().filter(f -> !f.ok()).map(f -> f.path() + ": " + f.error()).findFirst()
                .orElse("failed");
    }

    public void pause() {
        DownloadControl c = control;
        if (c != null) {
            c.pause();
        }
    }

    public void cancel() {
        DownloadControl c = control;
        if (c != null) {
            c.cancel();
        }
    }

    private void showProgress() {
        DownloadProgress p = progress;
        if (p == null) {
            return;
        }
        DownloadProgress.Snapshot s = p.snapshot();
        if (s.total() > 0) {
            downloadFraction.set(s.fraction());
            downloadText.set(downloadingName + ": " + s.line());
        }
    }

    /** Stops background work (the window closed). A running download is paused, keeping its partial files. */
    public void shutdown() {
        pause();
        poll.stop();
        worker.shutdownNow();
        downloads.shutdown();
    }

    public ObjectProperty<ModelDescriptor> selectedProperty() {
        return selected;
    }

    public BooleanProperty downloadingProperty() {
        return downloading;
    }

    public StringProperty downloadTextProperty() {
        return downloadText;
    }

    public ObservableList<LocalFolders.Folder> folders() {
        return folders;
    }

    public ObservableList<ModelDescriptor> descriptors() {
        return descriptors;
    }
}
