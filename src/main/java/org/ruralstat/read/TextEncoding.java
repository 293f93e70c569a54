package org.ruralstat.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the encoding of a delimited text file: a byte-order mark when there is one (UTF-8, UTF-16, UTF-32),
 * else UTF-8 if every byte decodes strictly as UTF-8, else GB18030 (which contains GBK) if every byte
 * decodes strictly as that. Never guesses: a file neither decodes is rejected, not read as mojibake.
 *
 * @param charset the encoding
 * @param bomLength bytes of byte-order mark to skip
 */
public record TextEncoding(Charset charset, int bomLength) {

    static final Charset GB18030 = Charset.forName("GB18030");

    public static TextEncoding detect(Path file) throws IOException, UnreadableFileException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (starts(head, 0xFF, 0xFE, 0x00, 0x00)) {
            return new TextEncoding(Charset.forName("UTF-32LE"), 4);
        }
        if (starts(head, 0x00, 0x00, 0xFE, 0xFF)) {
            return new TextEncoding(Charset.forName("UTF-32BE"), 4);
        }
        if (starts(head, 0xEF, 0xBB, 0xBF)) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (starts(head, 0xFF, 0xFE)) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (starts(head, 0xFE, 0xFF)) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        if (decodesStrictly(file, StandardCharsets.UTF_8)) {
            return new TextEncoding(StandardCharsets.UTF_8, 0);
        }
        if (decodesStrictly(file, GB18030)) {
            return new TextEncoding(GB18030, 0);
        }
        throw new UnreadableFileException("FILE-007", Map.of(), "neither UTF-8 nor GB18030/GBK", null);
    }

    /** A decoder that reports bad bytes instead of replacing them with U+FFFD. */
    public CharsetDecoder strictDecoder() {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean decodesStrictly(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] chunk = new byte[32 * 1024];
            int n;
            while ((n = stream.read(chunk)) > 0) {
                in.put(chunk, 0, n).flip();
                if (!decode(decoder, in, out, false)) {
                    return false;
                }
                in.compact();
            }
            in.flip();
            return decode(decoder, in, out, true) && !decoder.flush(out.clear()).isError();
        }
    }

    private static boolean decode(CharsetDecoder decoder, ByteBuffer in, CharBuffer out, boolean endOfInput) {
        while (true) {
            CoderResult result = decoder.decode(in, out.clear(), endOfInput);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
        }
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
