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

import com.aliyun.datahub.client.model.BlobRecordData;
import com.aliyun.datahub.client.model.RecordEntry;
import com.aliyun.datahub.clientlibrary.config.ConsumerConfig;
import com.aliyun.datahub.clientlibrary.config.ProducerConfig;
import com.aliyun.datahub.clientlibrary.consumer.Consumer;
import com.aliyun.datahub.clientlibrary.producer.Producer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the official client library (datahub-client-library 1.1.12-public on its own SDK 2.17.1
 * and protobuf 2.6.1) in a JVM of its own, driven by ClientLibraryITCase through stdin/stdout.
 * Compiled at test time against the library's jars only (target/client-library/lib), so nothing of
 * the test classpath (SDK 2.21.6, protobuf 3) is visible to it.
 *
 * <p>{@code produce <endpoint> <project> <topic>}: reads {@code send <from> <count> <perCall>}
 * lines, sends records "rec-<i>" with {@code Producer.send} ({@code perCall} records per call, so
 * the producer's round-robin spreads them over the shards) and prints {@code SENT <from> <count>};
 * {@code stop} ends it.
 *
 * <p>{@code consume <endpoint> <project> <topic> <subId>}: joins the subscription's group with a
 * collaborative {@code Consumer}, prints {@code READY}, then {@code REC <shardId> <sequence>
 * <value>} for every record read; a {@code stop} line (or the end of stdin) closes the consumer
 * (leaving the group and committing) and prints {@code CLOSED}.
 */
public final class ClientLibraryDriver {

    private static final String ACCESS_ID = "libraryId";
    private static final String ACCESS_KEY = "librarySecret";

    private ClientLibraryDriver() {}

    /** Entry point; see the class Javadoc for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("produce")) {
            produce(args[1], args[2], args[3]);
        } else if (args.length == 5 && args[0].equals("consume")) {
            consume(args[1], args[2], args[3], args[4]);
        } else {
            System.err.println(
                    "usage: produce <endpoint> <project> <topic>"
                            + " | consume <endpoint> <project> <topic> <subId>");
            System.exit(2);
        }
        System.exit(0);
    }

    private static void produce(String endpoint, String project, String topic) throws Exception {
        Producer producer =
                new Producer(project, topic, new ProducerConfig(endpoint, ACCESS_ID, ACCESS_KEY));
        BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
            String[] cmd = line.trim().split(" ");
            int from = Integer.parseInt(cmd[1]);
            int count = Integer.parseInt(cmd[2]);
            int perCall = Integer.parseInt(cmd[3]);
            for (int start = from; start < from + count; start += perCall) {
                List<RecordEntry> records = new ArrayList<>();
                for (int i = start; i < Math.min(from + count, start + perCall); i++) {
                    RecordEntry r = new RecordEntry();
                    r.setRecordData(
                            new BlobRecordData(("rec-" + i).getBytes(StandardCharsets.UTF_8)));
                    records.add(r);
                }
                producer.send(records, 3);
            }
            say("SENT " + from + " " + count);
        }
        producer.close();
    }

    private static void consume(String endpoint, String project, String topic, String subId)
            throws Exception {
        ConsumerConfig config =
                new ConsumerConfig(endpoint, ACCESS_ID, ACCESS_KEY)
                        .setOffsetCommitTimeoutMs(5_000)
                        .setSessionTimeoutMs(60_000);
        Consumer consumer = new Consumer(project, topic, subId, config);
        AtomicBoolean stop = new AtomicBoolean();
        Thread stdin =
                new Thread(
                        () -> {
                            try {
                                BufferedReader in =
                                        new BufferedReader(
                                                new InputStreamReader(
                                                        System.in, StandardCharsets.UTF_8));
                                String line;
                                while ((line = in.readLine()) != null
                                        && !line.trim().equals("stop")) {
                                    // only "stop" means something
                                }
                            } catch (Exception ignored) {
                                // treat a broken stdin like "stop"
                            }
                            stop.set(true);
                        },
                        "stdin");
        stdin.setDaemon(true);
        stdin.start();
        say("READY");
        while (!stop.get()) {
            RecordEntry r = consumer.read(1);
            if (r != null) {
                byte[] data = ((BlobRecordData) r.getRecordData()).getData();
                say(
                        "REC "
                                + r.getShardId()
                                + " "
                                + r.getSequence()
                                + " "
                                + new String(data, StandardCharsets.UTF_8));
            }
        }
        consumer.close();
        say("CLOSED");
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
