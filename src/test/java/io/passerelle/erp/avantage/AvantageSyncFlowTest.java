package io.passerelle.erp.avantage;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The sync scenario on the embedded default database, H2. */
@CamelSpringBootTest
@SpringBootTest
@ActiveProfiles({"sandbox", "test"})
@DirtiesContext
class AvantageSyncFlowTest extends SyncFlowScenario {
}
