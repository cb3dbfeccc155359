package org.userlm.workbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.testing.HubMimic;

/** The CUDA libtorch installer on a loopback server with a small zip shaped like pytorch.org's. */
class CudaRuntimeTest {
    @TempDir
    Path tmp;
    HttpServer server;
    byte[] zip;

    @BeforeEach
    void serve() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            put(z, "libtorch/build-version", "2.7.1+cu128\n".getBytes(StandardCharsets.UTF_8));
            put(z, "libtorch/lib/libtorch.so", new byte[300_000]);
            put(z, "libtorch/lib/libc10_cuda.so", "fake".getBytes(StandardCharsets.UTF_8));
            put(z, "libtorch/include/torch/torch.h", "// not unpacked".getBytes(StandardCharsets.UTF_8));
        }
        zip = b.toByteArray();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/libtorch.zip", ex -> {
            try (ex) {
                ex.getResponseHeaders().add("Location", "/cdn/libtorch.zip");
                ex.sendResponseHeaders(302, -1);
            }
        });
        server.createContext("/cdn/libtorch.zip", ex -> {
            try (ex) {
                ex.sendResponseHeaders(200, zip.length);
                ex.getResponseBody().write(zip);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/libtorch.zip";
    }

    @Test
    void installsWithProgressAndChecksumThenDjlPropertiesPointAtIt() throws Exception {
        CudaRuntime rt = new CudaRuntime(tmp);
        DownloadProgress p = new DownloadProgress();
        String sha = rt.install(url(), HubMimic.sha256(zip), p, new DownloadControl());
        assertEquals(HubMimic.sha256(zip), sha);
        assertTrue(rt.installed());
        assertEquals(300_000, Files.size(rt.libDir().resolve("libtorch.so")));
        assertFalse(Files.exists(rt.dir().resolve("include")));
        assertEquals(zip.length, p.snapshot().done());

        String oldPath = System.getProperty("java.library.path");
        try {
            assertNull(CudaRuntime.apply(tmp, false), "no driver: nothing changes");
            assertEquals(rt.libDir(), CudaRuntime.apply(tmp, true));
            assertTrue(System.getProperty("java.library.path").startsWith(rt.libDir().toAbsolutePath().toString()));
            assertEquals("cu128", System.getProperty("PYTORCH_FLAVOR"));
            assertEquals("2.7.1", System.getProperty("PYTORCH_VERSION"));
        } finally {
            System.setProperty("java.library.path", oldPath);
            System.clearProperty("PYTORCH_FLAVOR");
            System.clearProperty("PYTORCH_VERSION");
        }
    }

    @Test
    void aWrongChecksumInstallsNothing() {
        CudaRuntime rt = new CudaRuntime(tmp);
        IOException e = assertThrows(IOException.class, () -> rt.install(url(), "00".repeat(32),
                new DownloadProgress(), new DownloadControl()));
        assertTrue(e.getMessage().contains("sha256"), e.getMessage());
        assertFalse(rt.installed());
        assertNull(CudaRuntime.apply(tmp, true));
    }
}
