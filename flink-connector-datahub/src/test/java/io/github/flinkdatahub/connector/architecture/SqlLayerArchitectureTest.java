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

package io.github.flinkdatahub.connector.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The SQL layers know nothing of HTTP, JSON or protobuf: those stay inside the client. */
@AnalyzeClasses(
        packages = "io.github.flinkdatahub.connector",
        importOptions = ImportOption.DoNotIncludeTests.class)
class SqlLayerArchitectureTest {

    @ArchTest
    static final ArchRule TABLE_AND_CATALOG_DO_NOT_USE_TRANSPORT_LIBRARIES =
            noClasses()
                    .that()
                    .resideInAnyPackage("..connector.table..", "..connector.catalog..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "okhttp3..",
                            "okio..",
                            "com.fasterxml.jackson..",
                            "com.google.protobuf..",
                            "io.github.flinkdatahub.protocol..")
                    .because("the table and catalog layers reach DataHub only through the client");
}
