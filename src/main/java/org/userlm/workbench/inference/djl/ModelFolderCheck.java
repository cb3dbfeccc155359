package org.userlm.workbench.inference.djl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatTemplate;

/**
 * Opens a model folder first in a short-lived child JVM: header and config checks ({@link ModelFolder#open}),
 * the native tokenizer (load, encode, decode) and a chat-template render. Only a folder that passes is opened in
 * the workbench's own process, so a hostile folder (a tokenizer that aborts the native library, a template that
 * never ends) costs one clear error, never the app. Verdicts are cached per process by a fingerprint of the
 * folder's files (contents of the small files; size, time and first megabyte of the weights).
 */
public final class ModelFolderCheck {
    private static final String CHILD = "userlm.modelCheckChild";
    private static final long TIMEOUT_SECONDS = Long.getLong("userlm.modelCheckSeconds", 120L);
    private static final Map<String, String> VERDICTS = new ConcurrentHashMap<>();

    private ModelFolderCheck() {
    }

    /**
     * Checks {@code dir} in a child process (once per fingerprint).
     *
     * @throws ModelLoadException with the child's one-line verdict when the folder is not usable
     */
    public static void vet(Path dir) throws ModelLoadException {
        if (Boolean.getBoolean(CHILD) || !Boolean.parseBoolean(System.getProperty("userlm.modelCheck", "true"))) {
            return;
        }
        String key;
        try {
            key = fingerprint(dir);
        } catch (IOException e) {
            throw new ModelLoadException(dir.getFileName() + ": cannot read the folder (" + e.getMessage() + ")", e);
        }
        String verdict = VERDICTS.get(key);
        if (verdict == null) {
            verdict = runChild(dir);
            VERDICTS.put(key, verdict);
        }
        if (!verdict.isEmpty()) {
            throw new ModelLoadException(verdict);
        }
    }

    static String fingerprint(Path dir) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(dir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            if (!Files.isRegularFile(f)) {
                continue;
            }
            long size = Files.size(f);
            md.update(Long.toString(size).getBytes(StandardCharsets.UTF_8));
            boolean weights = f.getFileName().toString().endsWith(".safetensors") || size > (64L << 20);
            if (weights) {
                md.update(Long.toString(Files.getLastModifiedTime(f).toMillis()).getBytes(StandardCharsets.UTF_8));
            }
            long left = weights ? 1 << 20 : size;
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; left -= n) {
                    md.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String runChild(Path dir) throws ModelLoadException {
        String name = String.valueOf(dir.getFileName());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-D" + CHILD + "=true"));
        System.getProperties().forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.startsWith("ai.djl.") || key.equals("OPT_OUT_TRACKING") || key.startsWith("DJL_")) {
                cmd.add("-D" + key + "=" + v);
            }
        });
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ModelFolderCheck.class.getName(),
                dir.toAbsolutePath().toString()));
        try {
            Path log = Files.createTempFile("userlm-model-check-", ".txt");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                p.getOutputStream().close();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return name + ": checking the folder took longer than " + TIMEOUT_SECONDS
                            + " s (tokenizer or chat template); it was not opened";
                }
                String out = new String(readTail(log), StandardCharsets.UTF_8);
                for (String line : out.split("\n")) {
                    if (line.startsWith("USERLM-CHECK OK")) {
                        return "";
                    }
                    if (line.startsWith("USERLM-CHECK ERROR ")) {
                        return line.substring("USERLM-CHECK ERROR ".length()).strip();
                    }
                }
                return name + ": a check of the folder crashed (exit " + p.exitValue()
                        + "; e.g. a malformed tokenizer.json aborted the native tokenizer); it was not opened";
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new ModelLoadException(name + ": cannot start the folder check (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelLoadException(name + ": the folder check was interrupted", e);
        }
    }

    private static byte[] readTail(Path log) throws IOException {
        long size = Files.size(log);
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(Math.max(0, size - (64 << 10)));
            return in.readAllBytes();
        }
    }

    /** The child: prints {@code USERLM-CHECK OK} or {@code USERLM-CHECK ERROR <message>}. */
    public static void main(String[] args) {
        String verdict;
        try {
            check(Path.of(args[0]));
            verdict = "USERLM-CHECK OK";
        } catch (ModelLoadException e) {
            verdict = "USERLM-CHECK ERROR " + oneLine(e.getMessage());
        } catch (Throwable e) {
            verdict = "USERLM-CHECK ERROR " + Path.of(args[0]).getFileName() + ": " + oneLine(String.valueOf(e));
        }
        System.out.println(verdict);
        System.out.flush();
        System.exit(verdict.endsWith("OK") ? 0 : 3);
    }

    private static void check(Path dir) throws ModelLoadException {
        ModelFolder folder = ModelFolder.open(dir);
        LlamaTokenizer tok = LlamaTokenizer.load(folder.tokenizerJson(), folder.config().vocabSize());
        String sample = "Hello, world! 12345 ünïcödé 日本語 <|eot_id|> \t\n  spaces   and\u00a0more.";
        long[] ids = tok.encode(sample, true);
        tok.decode(ids);
        if (folder.chatTemplate() != null) {
            Map<String, String> special = new HashMap<>();
            for (String k : List.of("bos_token", "eos_token")) {
                String v = folder.specialToken(k);
                if (v != null) {
                    special.put(k, v);
                }
            }
            try {
                String prompt = new ChatTemplate(folder.chatTemplate(), special).render(List.of(
                        ChatMessage.system("a system message"), ChatMessage.user(sample),
                        ChatMessage.assistant("a reply")), true);
                tok.encode(prompt, false);
            } catch (IllegalArgumentException e) {
                throw new ModelLoadException(folder.name() + ": " + e.getMessage(), e);
            }
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
