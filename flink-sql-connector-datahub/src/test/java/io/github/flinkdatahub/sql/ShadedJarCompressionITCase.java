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

package io.github.flinkdatahub.sql;

import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the DataHub client from the shaded jar alone (plus slf4j-api, which Flink provides) in an
 * isolated class loader against the emulator, with LZ4 and deflate compression: proves that the
 * relocated OkHttp, Kotlin, Okio, Jackson, protobuf and LZ4 work, and shows which LZ4
 * implementation the jar uses (the pure-Java one, since the JNI libraries are not bundled).
 */
class ShadedJarCompressionITCase {

    private static final String SHADED_LZ4 = "io.github.flinkdatahub.shaded.net.jpountz.lz4.";

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR = new DataHubEmulatorExtension();

    private static URLClassLoader loader;

    @BeforeAll
    static void isolatedLoader() throws Exception {
        URL slf4j = org.slf4j.Logger.class.getProtectionDomain().getCodeSource().getLocation();
        loader =
                new URLClassLoader(
                        new URL[] {PackagingITCase.shadedJar().toUri().toURL(), slf4j},
                        ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void closeLoader() throws Exception {
        loader.close();
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, true, loader);
    }

    /** Calls the public method with this name and argument count (no overload has both). */
    private static Object call(Object target, String name, Object... args) throws Exception {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                boolean isStatic = Modifier.isStatic(m.getModifiers());
                m.setAccessible(true);
                return m.invoke(isStatic ? null : target, args);
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + "/" + args.length);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(String type, String name) throws Exception {
        return Enum.valueOf((Class<Enum>) load(type), name);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"PROTOBUF, LZ4", "JSON, LZ4", "PROTOBUF, DEFLATE"})
    void blobRoundTripThroughTheShadedClient(String protocol, String compression) throws Exception {
        String client = "io.github.flinkdatahub.connector.client.";
        // Only the relocated copies exist in the isolated loader.
        assertThatThrownBy(() -> load("okhttp3.OkHttpClient"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> load("net.jpountz.lz4.LZ4Factory"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(load("io.github.flinkdatahub.shaded.okhttp3.OkHttpClient")).isNotNull();

        Object builder = call(load(client + "DataHubClientConfig"), "builder");
        call(builder, "endpoint", EMULATOR.endpoint());
        call(builder, "protocol", enumValue(client + "BodyProtocol", protocol));
        call(builder, "compression", enumValue(client + "CompressionType", compression));
        Object config = call(builder, "build");
        Object dh = call(load(client + "DataHubClient"), "create", config);
        try {
            String project = ("shaded_" + protocol + "_" + compression).toLowerCase();
            call(dh, "createProject", project, "shaded jar test");
            call(dh, "createBlobTopic", project, "t", 1, 1, "blob");
            byte[] payload = "compressible payload ".repeat(200).getBytes(StandardCharsets.UTF_8);
            Object blob = call(load(client + "BlobRecord"), "of", (Object) payload);
            Object record = call(load(client + "PutRecord"), "of", blob);
            call(dh, "putRecords", project, "t", List.of(record));
            Object cursor =
                    call(
                            dh,
                            "getCursor",
                            project,
                            "t",
                            "0",
                            enumValue(client + "CursorType", "OLDEST"));
            Object result =
                    call(dh, "getRecords", project, "t", "0", call(cursor, "cursor"), 10, null);
            List<?> records = (List<?>) call(result, "records");
            assertThat(records).hasSize(1);
            Object read = call(records.get(0), "payload");
            assertThat((byte[]) call(read, "data")).isEqualTo(payload);
        } finally {
            call(dh, "close");
        }
    }

    @ParameterizedTest(name = "the shaded LZ4 codec ({0})")
    @CsvSource({"fastestInstance"})
    void theShadedJarUsesThePureJavaLz4(String factoryMethod) throws Exception {
        Object factory = call(load(SHADED_LZ4 + "LZ4Factory"), factoryMethod);
        String implementation = factory.toString();
        System.out.println("LZ4 implementation in the shaded jar: " + implementation);
        assertThat(implementation).startsWith("LZ4Factory:Java").doesNotContain("JNI");
        // The client's codec is that instance: compress and decompress through it.
        Object compressor = call(factory, "fastCompressor");
        byte[] raw = "abcabcabcabcabcabcabcabc".repeat(50).getBytes(StandardCharsets.US_ASCII);
        byte[] packed = (byte[]) call(compressor, "compress", (Object) raw);
        assertThat(packed.length).isLessThan(raw.length / 4);
        Object decompressor = call(factory, "safeDecompressor");
        byte[] unpacked = (byte[]) call(decompressor, "decompress", packed, raw.length);
        assertThat(unpacked).isEqualTo(raw);
        assertThat(compressor.getClass().getName()).startsWith(SHADED_LZ4);
    }
}
