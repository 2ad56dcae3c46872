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

package io.github.flinkdatahub.emulator.conformance;

import com.aliyun.datahub.client.model.ConnectorConfig;
import com.aliyun.datahub.client.model.ConnectorOffset;
import com.aliyun.datahub.client.model.ConnectorType;
import com.aliyun.datahub.client.model.SinkConfig;
import com.aliyun.datahub.client.model.SinkDatahubConfig;
import com.aliyun.datahub.client.model.SinkEsConfig;
import com.aliyun.datahub.client.model.SinkFcConfig;
import com.aliyun.datahub.client.model.SinkHologresConfig;
import com.aliyun.datahub.client.model.SinkMysqlConfig;
import com.aliyun.datahub.client.model.SinkOdpsConfig;
import com.aliyun.datahub.client.model.SinkOssConfig;
import com.aliyun.datahub.client.model.SinkOtsConfig;

import java.util.List;

/** Valid Java SDK configs for every connector type, as the connector conformance tests use. */
final class ConnectorFixtures {

    private ConnectorFixtures() {}

    /** An offset with both values set. */
    static ConnectorOffset offset(long sequence, long timestamp) {
        ConnectorOffset o = new ConnectorOffset();
        o.setSequence(sequence);
        o.setTimestamp(timestamp);
        return o;
    }

    /** A SYSTEM_TIME MaxCompute sink with a partition config, an AccessId and a key. */
    static SinkOdpsConfig odps() {
        SinkOdpsConfig c = new SinkOdpsConfig();
        c.setProject("odps_project");
        c.setTable("odps_table");
        c.setEndpoint("http://odps.example");
        c.setTunnelEndpoint("http://tunnel.example");
        c.setAccessId("odps-ak");
        c.setAccessKey("odps-secret");
        c.setPartitionMode(SinkOdpsConfig.PartitionMode.SYSTEM_TIME);
        c.setTimeRange(15);
        c.setTimeZone("Asia/Shanghai");
        SinkOdpsConfig.PartitionConfig partitions = new SinkOdpsConfig.PartitionConfig();
        partitions.addConfig("ds", "%Y%m%d");
        c.setPartitionConfig(partitions);
        return c;
    }

    /** A valid config of {@code type}, secrets included. */
    static ConnectorConfig config(ConnectorType type) {
        switch (type) {
            case SINK_ADS:
            case SINK_MYSQL:
                SinkMysqlConfig db = new SinkMysqlConfig();
                db.setHost("db.example");
                db.setPort(3306);
                db.setDatabase("db");
                db.setTable("t");
                db.setUser("u");
                db.setPassword("secret");
                return db;
            case SINK_ES:
                SinkEsConfig es = new SinkEsConfig();
                es.setIndex("idx");
                es.setEndpoint("http://es.example");
                es.setUser("u");
                es.setPassword("secret");
                es.setIdFields(List.of("f_bigint"));
                es.setTypeFields(List.of("f_string"));
                es.setProxyMode(true);
                return es;
            case SINK_FC:
                SinkFcConfig fc = new SinkFcConfig();
                fc.setEndpoint("http://fc.example");
                fc.setService("svc");
                fc.setFunction("fn");
                fc.setAuthMode(SinkConfig.AuthMode.STS);
                return fc;
            case SINK_OSS:
                SinkOssConfig oss = new SinkOssConfig();
                oss.setEndpoint("http://oss.example");
                oss.setBucket("bucket");
                oss.setPrefix("prefix/");
                oss.setTimeFormat("%Y%m%d%H%M");
                oss.setTimeRange(30);
                oss.setAuthMode(SinkConfig.AuthMode.STS);
                return oss;
            case SINK_OTS:
                SinkOtsConfig ots = new SinkOtsConfig();
                ots.setEndpoint("http://ots.example");
                ots.setInstance("inst");
                ots.setTable("ots_table");
                ots.setWriteMode(SinkOtsConfig.WriteMode.UPDATE);
                ots.setAuthMode(SinkConfig.AuthMode.STS);
                return ots;
            case SINK_HOLOGRES:
                SinkHologresConfig holo = new SinkHologresConfig();
                holo.setEndpoint("http://holo.example");
                holo.setProjectName("holo_db");
                holo.setTopicName("holo_table");
                holo.setInstanceId("holo-1");
                holo.setAuthMode(SinkConfig.AuthMode.STS);
                return holo;
            case SINK_DATAHUB:
                SinkDatahubConfig dh = new SinkDatahubConfig();
                dh.setEndpoint("http://dh.example");
                dh.setProjectName("other_project");
                dh.setTopicName("other_topic");
                dh.setAuthMode(SinkConfig.AuthMode.AK);
                dh.setAccessId("ak");
                dh.setAccessKey("secret");
                return dh;
            default:
                return odps();
        }
    }
}
