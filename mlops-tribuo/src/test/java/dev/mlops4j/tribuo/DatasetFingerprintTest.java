package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class DatasetFingerprintTest {
    private static final MutableDataset<Label> WINE = TestData.wineAll();

    private static MutableDataset<Label> copy(List<Example<Label>> examples) {
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance("copy", new LabelFactory()),
                new LabelFactory());
        examples.forEach(e -> d.add(e.copy()));
        return d;
    }

    private static List<Example<Label>> examples() {
        List<Example<Label>> list = new ArrayList<>();
        WINE.forEach(list::add);
        return list;
    }

    @Test
    void of_wine_describesTheData() {
        DatasetFingerprint f = DatasetFingerprint.of(WINE);

        assertThat(f.sha256()).matches("[0-9a-f]{64}");
        assertThat(f.exampleCount()).isEqualTo(178);
        assertThat(f.featureCount()).isEqualTo(13);
        assertThat(f.outputCount()).isEqualTo(3);
        assertThat(DatasetFingerprint.of(TestData.wineAll())).isEqualTo(f);
    }

    @Property(tries = 20)
    void of_anyRowOrder_sameFingerprint(@ForAll long seed) {
        List<Example<Label>> shuffled = examples();
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(DatasetFingerprint.of(copy(shuffled)).sha256()).isEqualTo(DatasetFingerprint.of(WINE).sha256());
    }

    @Property(tries = 20)
    void of_oneValueChanged_differentFingerprint(@ForAll long seed) {
        List<Example<Label>> changed = examples();
        Random random = new Random(seed);
        int row = random.nextInt(changed.size());
        Example<Label> original = changed.get(row);
        String feature = original.iterator().next().getName();
        ArrayExample<Label> modified = new ArrayExample<>(original);
        modified.set(new org.tribuo.Feature(feature, original.lookup(feature).getValue() + 1e-9));
        changed.set(row, modified);

        assertThat(DatasetFingerprint.of(copy(changed)).sha256()).isNotEqualTo(DatasetFingerprint.of(WINE).sha256());
    }

    @Test
    void of_labelOrWeightOrFeatureNameChanged_differentFingerprint() {
        String base = DatasetFingerprint.of(WINE).sha256();
        List<Example<Label>> relabeled = examples();
        ArrayExample<Label> first = new ArrayExample<>(relabeled.get(0));
        relabeled.set(0, new ArrayExample<>(new Label("class_9"), first.getWeight()) {
            {
                first.forEach(this::add);
            }
        });
        List<Example<Label>> reweighted = examples();
        ArrayExample<Label> heavy = new ArrayExample<>(reweighted.get(0));
        heavy.setWeight(2.0f);
        reweighted.set(0, heavy);
        List<Example<Label>> renamed = examples();
        ArrayExample<Label> other = new ArrayExample<>(renamed.get(0).getOutput());
        renamed.get(0).forEach(f -> other.add(f.getName().equals("alcohol") ? "alcohol2" : f.getName(), f.getValue()));
        renamed.set(0, other);

        assertThat(DatasetFingerprint.of(copy(relabeled)).sha256()).isNotEqualTo(base);
        assertThat(DatasetFingerprint.of(copy(reweighted)).sha256()).isNotEqualTo(base);
        assertThat(DatasetFingerprint.of(copy(renamed)).sha256()).isNotEqualTo(base);
        assertThat(DatasetFingerprint.of(copy(examples())).sha256()).isEqualTo(base);
    }
}
