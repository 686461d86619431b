package dev.mlops4j.tribuo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Walks OLCUT provenance trees (what Tribuo records about trainers, data sets and models): flattening configured
 * parameters into dotted keys, and converting a whole tree to JSON.
 */
public final class ProvenanceTrees {
    private ProvenanceTrees() {
    }

    /**
     * Flattens configured parameters: primitives become {@code key = value}; a nested configurable object becomes
     * {@code key = its class name} plus its own parameters under {@code key.}; list elements become
     * {@code key.0, key.1, ...} (an empty list {@code key = []}); map entries {@code key.entry}.
     *
     * @param parameters e.g. {@code TrainerProvenance.getConfiguredParameters()}
     * @return sorted dotted key to value
     */
    public static SortedMap<String, String> flatten(Map<String, Provenance> parameters) {
        SortedMap<String, String> out = new TreeMap<>();
        parameters.forEach((k, v) -> flatten(k, v, out));
        return out;
    }

    private static void flatten(String key, Provenance p, SortedMap<String, String> out) {
        if (p instanceof PrimitiveProvenance<?> prim) {
            out.put(key, String.valueOf(prim.getValue()));
        } else if (p instanceof ConfiguredObjectProvenance obj) {
            out.put(key, obj.getClassName());
            obj.getConfiguredParameters().forEach((k, v) -> flatten(key + "." + k, v, out));
        } else if (p instanceof ObjectProvenance obj) {
            out.put(key, obj.getClassName());
            for (Pair<String, Provenance> e : obj) {
                if (!ObjectProvenance.CLASS_NAME.equals(e.getA())) {
                    flatten(key + "." + e.getA(), e.getB(), out);
                }
            }
        } else if (p instanceof ListProvenance<?> list) {
            if (list.getList().isEmpty()) {
                out.put(key, "[]");
            }
            int i = 0;
            for (Provenance element : list) {
                flatten(key + "." + i++, element, out);
            }
        } else if (p instanceof MapProvenance<?> map) {
            if (map.getMap().isEmpty()) {
                out.put(key, "{}");
            }
            for (Pair<String, ? extends Provenance> e : map) {
                flatten(key + "." + e.getA(), e.getB(), out);
            }
        } else {
            out.put(key, String.valueOf(p));
        }
    }

    /**
     * @param provenance an object provenance (a data set's, a model's)
     * @return the whole tree as JSON: objects with their {@code class-name} and entries, lists as arrays,
     *     primitives as strings (their exact text form)
     */
    public static JsonNode toJson(Provenance provenance) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (provenance instanceof PrimitiveProvenance<?> prim) {
            return f.textNode(String.valueOf(prim.getValue()));
        }
        if (provenance instanceof ObjectProvenance obj) {
            ObjectNode node = f.objectNode();
            TreeMap<String, Provenance> sorted = new TreeMap<>();
            for (Pair<String, Provenance> e : obj) {
                sorted.put(e.getA(), e.getB());
            }
            sorted.forEach((k, v) -> node.set(k, toJson(v)));
            return node;
        }
        if (provenance instanceof ListProvenance<?> list) {
            ArrayNode node = f.arrayNode();
            for (Provenance element : list) {
                node.add(toJson(element));
            }
            return node;
        }
        if (provenance instanceof MapProvenance<?> map) {
            ObjectNode node = f.objectNode();
            for (Pair<String, ? extends Provenance> e : map) {
                node.set(e.getA(), toJson(e.getB()));
            }
            return node;
        }
        return f.textNode(String.valueOf(provenance));
    }
}
