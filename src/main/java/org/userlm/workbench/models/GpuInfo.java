package org.userlm.workbench.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NVIDIA GPUs and driver as {@code nvidia-smi} reports them (no CUDA library is loaded to find out).
 *
 * @param gpus        one entry per GPU
 * @param driver      driver version, or null
 * @param cudaVersion highest CUDA version the driver supports ("12.8"), or null
 * @param problem     why nothing was found ({@code nvidia-smi} missing, failing), or null
 */
public record GpuInfo(List<Gpu> gpus, String driver, String cudaVersion, String problem) {
    /** The CUDA build of libtorch that DJL 0.36.0's PyTorch 2.7.1 JNI supports. */
    public static final String LIBTORCH_FLAVOR = "cu128";
    private static final Pattern CUDA = Pattern.compile("CUDA Version:\\s*([0-9]+)\\.([0-9]+)");
    private static final Pattern DRIVER = Pattern.compile("Driver Version:\\s*([0-9.]+)");

    /**
     * One GPU.
     *
     * @param index    nvidia-smi index
     * @param name     product name
     * @param totalMib memory in MiB
     * @param freeMib  free memory in MiB
     */
    public record Gpu(int index, String name, long totalMib, long freeMib) {
        /** Free memory in bytes. */
        public long freeBytes() {
            return freeMib * 1024 * 1024;
        }
    }

    /** Runs {@code nvidia-smi} twice (query and banner), at most 10 s each. */
    public static GpuInfo detect() {
        try {
            String query = run("nvidia-smi", "--query-gpu=index,name,memory.total,memory.free,driver_version",
                    "--format=csv,noheader,nounits");
            String banner = run("nvidia-smi");
            return parse(query, banner);
        } catch (IOException e) {
            String why = e.getMessage() != null && e.getMessage().contains("error=2")
                    ? "nvidia-smi is not installed" : e.getMessage();
            return new GpuInfo(List.of(), null, null, "no NVIDIA driver found (" + why + ")");
        }
    }

    /** Parses the CSV query output and the banner of plain {@code nvidia-smi}. */
    public static GpuInfo parse(String query, String banner) {
        List<Gpu> gpus = new ArrayList<>();
        String driver = null;
        for (String line : query.split("\\R")) {
            String[] f = line.split(",");
            if (f.length < 5) {
                continue;
            }
            try {
                gpus.add(new Gpu(Integer.parseInt(f[0].strip()), f[1].strip(), Long.parseLong(f[2].strip()),
                        Long.parseLong(f[3].strip())));
                driver = f[4].strip();
            } catch (NumberFormatException e) {
                // "[N/A]" or an error line: skip
            }
        }
        String cuda = null;
        if (banner != null) {
            Matcher m = CUDA.matcher(banner);
            if (m.find()) {
                cuda = m.group(1) + "." + m.group(2);
            }
            Matcher d = DRIVER.matcher(banner);
            if (driver == null && d.find()) {
                driver = d.group(1);
            }
        }
        String problem = gpus.isEmpty() ? "nvidia-smi lists no GPU: " + firstLine(query) : null;
        return new GpuInfo(gpus, driver, cuda, problem);
    }

    /** True when the driver can run the cu128 libtorch (CUDA 12.8 or newer). */
    public boolean driverSupportsLibtorch() {
        return cudaAtLeast(12, 8);
    }

    boolean cudaAtLeast(int major, int minor) {
        if (cudaVersion == null) {
            return false;
        }
        String[] p = cudaVersion.split("\\.");
        int ma = Integer.parseInt(p[0]);
        int mi = Integer.parseInt(p[1]);
        return ma > major || ma == major && mi >= minor;
    }

    /** The GPU with the most free memory, or null. */
    public Gpu best() {
        return gpus.stream().max(Comparator.comparingLong(Gpu::freeMib)).orElse(null);
    }

    /** A few lines for people: what was found and what to do. */
    public String describe() {
        if (gpus.isEmpty()) {
            return "No NVIDIA GPU: " + problem + ". Local models run on the CPU (small models only), or connect to "
                    + "a server.";
        }
        StringBuilder b = new StringBuilder();
        for (Gpu g : gpus) {
            b.append(String.format(Locale.ROOT, "GPU %d: %s, %.1f GB, %.1f GB free%n", g.index(), g.name(),
                    g.totalMib() * 1048576 / 1e9, g.freeBytes() / 1e9));
        }
        b.append("Driver ").append(driver).append(", CUDA ").append(cudaVersion == null ? "unknown" : cudaVersion);
        if (driverSupportsLibtorch()) {
            b.append(": the CUDA 12.8 libtorch 2.7.1 (cu128) will run.");
        } else {
            b.append(": libtorch 2.7.1 for CUDA 12.8 needs a driver that supports CUDA 12.8 (NVIDIA 570 or newer);"
                    + " update the driver first.");
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int i = t.indexOf('\n');
        return i < 0 ? t : t.substring(0, i);
    }

    private static String run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            byte[] out = in.readNBytes(1 << 20);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd[0] + " did not answer in 10 s");
            }
            String s = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(cmd[0] + " failed: " + firstLine(s));
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
