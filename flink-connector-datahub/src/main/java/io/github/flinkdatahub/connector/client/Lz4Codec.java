/*
 * Copyright 2026 The flink-connector-datahub Authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.flinkdatahub.connector.client;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Picks the lz4-java implementation explicitly, once per class loader, and logs which one.
 *
 * <p>{@link LZ4Factory#fastestInstance()} only tries the native (JNI) codec when lz4-java was
 * loaded by the system class loader, so inside a Flink job's class loader or a shaded jar it
 * silently takes the slowest, safe Java codec. Here the native codec is tried wherever we run and
 * kept if it round-trips a sample; it fails where the library cannot load (a relocated package no
 * longer matches the JNI symbols, or another class loader of the JVM already loaded it), and then
 * the fastest Java codec is used. The {@code *Insecure} variants are never used: they skip bounds
 * checks on malformed input, and response bodies come from the network.
 */
final class Lz4Codec {

    private static final Logger LOG = LoggerFactory.getLogger(Lz4Codec.class);

    /** The chosen codec. */
    static final Lz4Codec INSTANCE = choose();

    final String name;
    final LZ4Compressor compressor;
    final LZ4SafeDecompressor decompressor;

    private Lz4Codec(String name, LZ4Factory factory) {
        this.name = name;
        this.compressor = factory.fastCompressor();
        this.decompressor = factory.safeDecompressor();
    }

    private static Lz4Codec choose() {
        Lz4Codec chosen =
                first(
                        new String[] {"native (JNI)", "fastest Java", "safe Java"},
                        LZ4Factory::nativeInstance,
                        LZ4Factory::fastestJavaInstance,
                        LZ4Factory::safeInstance);
        LOG.info("DataHub client LZ4 codec: {}", chosen.name);
        return chosen;
    }

    @SafeVarargs
    static Lz4Codec first(String[] names, Supplier<LZ4Factory>... factories) {
        Throwable last = null;
        for (int i = 0; i < factories.length; i++) {
            try {
                Lz4Codec codec = new Lz4Codec(names[i], factories[i].get());
                codec.selfTest();
                return codec;
            } catch (Exception | LinkageError e) {
                LOG.debug("LZ4 codec {} is not usable here: {}", names[i], e.toString());
                last = e;
            }
        }
        throw new IllegalStateException("No usable LZ4 codec", last);
    }

    private void selfTest() {
        byte[] sample =
                "DataHub LZ4 self test, DataHub LZ4 self test, 0123456789"
                        .getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = compressor.compress(sample);
        byte[] back = new byte[sample.length];
        int n = decompressor.decompress(compressed, 0, compressed.length, back, 0, back.length);
        if (n != sample.length || !Arrays.equals(sample, back)) {
            throw new IllegalStateException("LZ4 " + name + " does not round-trip");
        }
    }
}
