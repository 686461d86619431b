package dev.mlops4j.tribuo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;

/**
 * A content fingerprint of a Tribuo data set: the same examples give the same fingerprint, whatever file, loader
 * or row order they came from; any change to a feature name, feature value, output or weight changes it.
 *
 * <p>Definition (version 1): each example is encoded as its output's serializable form, its weight, and its
 * features sorted by name, each as name and the IEEE bits of its value (strings as UTF-8 with a length prefix,
 * numbers big-endian), and hashed with SHA-256. The example hashes are sorted (as unsigned bytes) and hashed again
 * after the prefix {@code mlops4j-tribuo-dataset-v1} and the example count. Sorting makes the fingerprint
 * independent of row order; two data sets that differ only in order train SGD models differently, which their
 * provenance (not this fingerprint) records.
 *
 * @param sha256 the fingerprint, 64 lowercase hex characters
 * @param exampleCount number of examples
 * @param featureCount number of distinct features in the data set's feature map
 * @param outputCount number of distinct outputs in the data set: classes, or output dimensions for regression
 */
public record DatasetFingerprint(String sha256, int exampleCount, int featureCount, int outputCount) {
    private static final byte[] DOMAIN = "mlops4j-tribuo-dataset-v1".getBytes(StandardCharsets.UTF_8);

    public DatasetFingerprint {
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * @param dataset a data set
     * @return its fingerprint
     */
    public static DatasetFingerprint of(Dataset<?> dataset) {
        Objects.requireNonNull(dataset, "dataset");
        List<byte[]> hashes = new ArrayList<>(dataset.size());
        for (Example<?> example : dataset) {
            hashes.add(hash(example));
        }
        hashes.sort(Arrays::compareUnsigned);
        MessageDigest total = newDigest();
        total.update(DOMAIN);
        total.update(ByteBuffer.allocate(Long.BYTES).putLong(hashes.size()).array());
        hashes.forEach(total::update);
        return new DatasetFingerprint(HexFormat.of().formatHex(total.digest()), dataset.size(),
                dataset.getFeatureMap().size(), dataset.getOutputInfo().size());
    }

    private static byte[] hash(Example<?> example) {
        MessageDigest md = newDigest();
        putString(md, example.getOutput().getSerializableForm(false));
        md.update(ByteBuffer.allocate(Integer.BYTES).putInt(Float.floatToIntBits(example.getWeight())).array());
        List<Feature> features = new ArrayList<>(example.size());
        example.forEach(features::add);
        features.sort((a, b) -> a.getName().compareTo(b.getName()));
        md.update(ByteBuffer.allocate(Integer.BYTES).putInt(features.size()).array());
        for (Feature f : features) {
            putString(md, f.getName());
            md.update(ByteBuffer.allocate(Long.BYTES).putLong(Double.doubleToLongBits(f.getValue())).array());
        }
        return md.digest();
    }

    private static void putString(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(ByteBuffer.allocate(Integer.BYTES).putInt(b.length).array());
        md.update(b);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
