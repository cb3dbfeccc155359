package org.userlm.workbench.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task and answer files written to hang, exhaust or confuse the reader (issue 10): each is one clear error. */
class HostileInputFilesTest {
    private static final String GSM = "{\"question\": \"1+1?\", \"answer\": \"1+1=2\\n#### 2\"}";

    @TempDir
    Path tmp;

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = tmp.resolve("tasks.jsonl");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        TaskFormatException e = assertThrows(TaskFormatException.class, () -> TaskFiles.load(fifo));
        assertTrue(e.getMessage().contains("is not a regular file (a FIFO, socket or device)"), e.getMessage());
    }

    @Test
    void devicesAndDirectoriesAreRefused() {
        TaskFormatException zero = assertThrows(TaskFormatException.class, () -> TaskFiles.load(Path.of("/dev/zero")));
        assertTrue(zero.getMessage().contains("not a regular file"), zero.getMessage());
        TaskFormatException dir = assertThrows(TaskFormatException.class, () -> TaskFiles.load(tmp));
        assertTrue(dir.getMessage().contains("not a regular file (a directory)"), dir.getMessage());
        IOException answer = assertThrows(IOException.class,
                () -> InputFiles.read(Path.of("/dev/zero"), "answer file", 1 << 20));
        assertTrue(answer.getMessage().startsWith("answer file /dev/zero is not a regular file"), answer.getMessage());
    }

    @Test
    void aFileOverTheCapIsRefusedBeforeItIsRead() throws Exception {
        Path big = tmp.resolve("big.jsonl");
        Files.write(big, new byte[4096]);
        IOException e = assertThrows(IOException.class, () -> InputFiles.read(big, "task file", 1000));
        assertTrue(e.getMessage().endsWith("is too large: 4096 bytes (the limit is 1000 bytes)"), e.getMessage());
    }

    @Test
    void aGzipBombIsCappedAfterDecompression() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }
        byte[] bomb = bos.toByteArray();
        assertTrue(bomb.length < 200_000, "the bomb should be small: " + bomb.length);
        IOException e = assertThrows(IOException.class, () -> InputFiles.gunzip(bomb, "bomb.jsonl.gz", 8L << 20));
        assertEquals("bomb.jsonl.gz: decompresses to more than 8 MB (the limit)", e.getMessage());
    }

    @Test
    void twoObjectsOnOneLineOrTrailingTextNameTheLine() {
        String two = GSM + "\n" + GSM + " " + GSM + "\n";
        TaskFormatException e = assertThrows(TaskFormatException.class,
                () -> TaskFiles.parse("t.jsonl", two.getBytes(StandardCharsets.UTF_8)));
        assertEquals("t.jsonl: line 2: more than one JSON value on the line (JSON Lines hold exactly one object per line)",
                e.getMessage());
        TaskFormatException trailing = assertThrows(TaskFormatException.class,
                () -> TaskFiles.parse("t.jsonl", (GSM + " trailing\n").getBytes(StandardCharsets.UTF_8)));
        assertTrue(trailing.getMessage().startsWith("t.jsonl: "), trailing.getMessage());
        assertTrue(trailing.getMessage().contains("line 1"), trailing.getMessage());
    }

    @Test
    void invalidUtf8NamesTheLineAndByte() throws Exception {
        byte[] good = (GSM + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = (GSM.replace("1+1?", "1+1\u00e9?") + "\n").getBytes(StandardCharsets.UTF_8);
        int at = -1;
        for (int i = 0; i < bad.length; i++) {
            if ((bad[i] & 0xff) == 0xc3) {
                at = i;
            }
        }
        bad[at] = (byte) 0xff;
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(good);
        both.write(bad);
        TaskFormatException e = assertThrows(TaskFormatException.class,
                () -> TaskFiles.parse("u.jsonl", both.toByteArray()));
        assertEquals("u.jsonl: invalid UTF-8 at line 2, byte " + (good.length + at) + " (0xff)", e.getMessage());
    }
}
