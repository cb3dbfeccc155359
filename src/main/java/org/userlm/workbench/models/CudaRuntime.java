package org.userlm.workbench.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The CUDA build of libtorch that matches the engine (PyTorch 2.7.1, CUDA 12.8, what DJL 0.36.0's JNI jar has
 * glue for), installed into the workbench's data folder and used from then on without environment variables:
 * {@link #apply} sets DJL's system properties ({@code java.library.path} gets the folder, {@code PYTORCH_VERSION},
 * {@code PYTORCH_FLAVOR}) before the engine loads. The zip is downloaded with Range resume and progress, checked
 * against a sha256 when one is given, and every entry's CRC-32 is checked while it is unpacked.
 */
public final class CudaRuntime {
    /** PyTorch version of the engine's JNI ({@code pytorch-jni 2.7.1-0.36.0}). */
    public static final String VERSION = "2.7.1";
    /** CUDA flavour with a JNI build in that jar. */
    public static final String FLAVOR = "cu128";
    /** pytorch.org's libtorch for that version and flavour (cxx11 ABI, about 3 GB). */
    public static final String DEFAULT_URL =
            "https://download.pytorch.org/libtorch/cu128/libtorch-cxx11-abi-shared-with-deps-2.7.1%2Bcu128.zip";
    private static final String MARKER = "installed.json";

    private final Path root;

    /** A runtime under {@code runtimesRoot} (normally {@link AppDataDir#runtimes()}). */
    public CudaRuntime(Path runtimesRoot) {
        this.root = runtimesRoot;
    }

    /** The install folder. */
    public Path dir() {
        return root.resolve("libtorch-" + VERSION + "-" + FLAVOR);
    }

    /** The folder with {@code libtorch.so}. */
    public Path libDir() {
        return dir().resolve("lib");
    }

    /** True when a complete install is there. */
    public boolean installed() {
        return Files.isRegularFile(dir().resolve(MARKER)) && Files.isRegularFile(libDir().resolve("libtorch.so"));
    }

    /**
     * Downloads {@code url} (resuming a partial zip), checks {@code sha256} when not null, unpacks
     * {@code libtorch/lib/} and checks {@code libtorch/build-version}. Returns the zip's sha256.
     */
    public String install(String url, String sha256, DownloadProgress progress, DownloadControl control)
            throws IOException {
        Files.createDirectories(root);
        Path zip = root.resolve("libtorch-" + VERSION + "-" + FLAVOR + ".zip");
        Path part = root.resolve(zip.getFileName() + ".incomplete");
        if (!Files.isRegularFile(zip)) {
            fetch(URI.create(url), part, progress, control);
            if (control.stopped()) {
                throw new IOException("libtorch download " + (control.request() == DownloadControl.Request.PAUSE
                        ? "paused; run it again to resume" : "cancelled"));
            }
            Files.move(part, zip, StandardCopyOption.REPLACE_EXISTING);
        }
        progress.state("verifying");
        String actual = Downloader.sha256(zip);
        if (sha256 != null && !sha256.equalsIgnoreCase(actual)) {
            Files.delete(zip);
            throw new IOException("the libtorch zip's sha256 is " + actual + ", expected " + sha256
                    + "; the file was deleted");
        }
        Path tmp = root.resolve(dir().getFileName() + ".unpacking");
        deleteTree(tmp);
        String build = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String n = e.getName();
                if (n.equals("libtorch/build-version")) {
                    build = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                } else if (n.startsWith("libtorch/lib/") && !e.isDirectory() && !n.contains("..")) {
                    Path out = tmp.resolve("lib").resolve(n.substring("libtorch/lib/".length()));
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out); // ZipInputStream checks each entry's CRC-32 at its end
                }
            }
        } catch (ZipException e) {
            deleteTree(tmp);
            throw new IOException("the libtorch zip is damaged (" + e.getMessage() + "); delete " + zip
                    + " and install again", e);
        }
        if (build == null || !build.startsWith(VERSION) || !Files.isRegularFile(tmp.resolve("lib/libtorch.so"))) {
            deleteTree(tmp);
            throw new IOException("not a libtorch " + VERSION + " zip (build-version " + build + ")");
        }
        new ObjectMapper().writeValue(tmp.resolve(MARKER).toFile(), Map.of("version", VERSION,
                "flavor", FLAVOR, "build", build, "url", url, "zip_sha256", actual));
        deleteTree(dir());
        Files.move(tmp, dir());
        Files.delete(zip);
        progress.state("done");
        return actual;
    }

    /**
     * Points DJL at an installed CUDA libtorch when an NVIDIA driver is present and the user has not chosen a
     * libtorch already ({@code PYTORCH_LIBRARY_PATH}, {@code PYTORCH_FLAVOR}). Call before the engine loads.
     * Returns the folder used, or null.
     */
    public static Path apply(Path runtimesRoot, boolean nvidiaDriver) {
        CudaRuntime r = new CudaRuntime(runtimesRoot);
        if (!nvidiaDriver || !r.installed() || HubToken.setting("PYTORCH_LIBRARY_PATH") != null
                || HubToken.setting("PYTORCH_FLAVOR") != null) {
            return null;
        }
        String lib = r.libDir().toAbsolutePath().toString();
        String old = System.getProperty("java.library.path", "");
        System.setProperty("java.library.path", old.isEmpty() ? lib : lib + File.pathSeparator + old);
        System.setProperty("PYTORCH_VERSION", VERSION);
        System.setProperty("PYTORCH_FLAVOR", FLAVOR);
        return r.libDir();
    }

    /** True when the Linux NVIDIA kernel driver is loaded (cheap: no process is started). */
    public static boolean nvidiaDriverLoaded() {
        return Files.exists(Path.of("/proc/driver/nvidia/version"));
    }

    private static void fetch(URI url, Path part, DownloadProgress progress, DownloadControl control)
            throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        URI u = url;
        for (int hop = 0; hop < 10; hop++) {
            HttpURLConnection c = (HttpURLConnection) u.toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout(20_000);
            c.setReadTimeout(60_000);
            if (have > 0) {
                c.setRequestProperty("Range", "bytes=" + have + "-");
            }
            int status = c.getResponseCode();
            if (status >= 300 && status < 400 && c.getHeaderField("Location") != null) {
                u = u.resolve(c.getHeaderField("Location"));
                c.disconnect();
                continue;
            }
            if (status == 416) {
                c.disconnect();
                return;
            }
            if (status != 200 && status != 206) {
                c.disconnect();
                throw new IOException("HTTP " + status + " from " + u.getHost() + " for the libtorch zip");
            }
            boolean append = status == 206 && have > 0;
            long len = c.getContentLengthLong();
            progress.addFile("libtorch.zip", len < 0 ? -1 : (append ? have : 0) + len, append ? have : 0);
            progress.state("downloading");
            try (InputStream in = c.getInputStream(); var out = Files.newOutputStream(part, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buf = new byte[1 << 16];
                int r;
                while (!control.stopped() && (r = in.read(buf)) >= 0) {
                    out.write(buf, 0, r);
                    progress.advance("libtorch.zip", r, true);
                }
            } finally {
                c.disconnect();
            }
            return;
        }
        throw new IOException("too many redirects from " + url);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
