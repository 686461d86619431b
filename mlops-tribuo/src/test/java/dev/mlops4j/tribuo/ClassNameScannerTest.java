package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.tribuo.internal.ClassNameScanner;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

class ClassNameScannerTest {

    @Test
    void scan_tribuoModel_findsNestedAndProvenanceClassNames() {
        byte[] bytes = new CARTClassificationTrainer(2).train(TestData.iris().train()).serialize().toByteArray();

        assertThat(ClassNameScanner.scan(bytes)).contains("org.tribuo.common.tree.TreeModel",
                "org.tribuo.ImmutableFeatureMap", "org.tribuo.classification.ImmutableLabelInfo",
                "org.tribuo.classification.dtree.CARTClassificationTrainer",
                "com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance");
    }

    @Property(tries = 200)
    void scan_arbitraryBytes_neverThrows(@ForAll byte[] bytes) {
        assertThat(ClassNameScanner.scan(bytes)).isNotNull();
    }
}
