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

package io.github.flinkdatahub.connector.sink;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The sink knows the client's API only: no HTTP, JSON or protobuf types. */
@AnalyzeClasses(
        packages = "io.github.flinkdatahub.connector.sink",
        importOptions = ImportOption.DoNotIncludeTests.class)
class SinkArchitectureTest {

    @ArchTest
    static final ArchRule SINK_DOES_NOT_DEPEND_ON_TRANSPORT_OR_CODECS =
            noClasses()
                    .that()
                    .resideInAPackage("..connector.sink..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "okhttp3..", "com.fasterxml.jackson..", "com.google.protobuf..");
}
