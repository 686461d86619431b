package dev.mlops4j.validation.internal;

import dev.mlops4j.validation.internal.ProfileAccumulator.ProfileData;
import dev.mlops4j.validation.profile.Profile;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Lets the validator (another package) build a {@link Profile} from the statistics it gathered in its own
 * pass, without a public constructor that would expose internal types. {@link Profile} registers itself here
 * when its class is initialised.
 */
public final class ProfileBridge {
    private static volatile BiFunction<String, ProfileData, Profile> factory;
    private static volatile Function<Profile, ProfileData> accessor;

    private ProfileBridge() {
    }

    /**
     * Called once by {@link Profile}'s static initialiser.
     *
     * @param create builds a profile
     * @param data reads a profile's statistics
     */
    public static void register(BiFunction<String, ProfileData, Profile> create, Function<Profile, ProfileData> data) {
        factory = create;
        accessor = data;
    }

    private static void ensureRegistered() {
        if (factory == null) {
            try {
                Class.forName(Profile.class.getName(), true, Profile.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * @param source description of the data
     * @param data the statistics
     * @return the profile
     */
    public static Profile create(String source, ProfileData data) {
        ensureRegistered();
        return factory.apply(source, data);
    }

    /**
     * @param profile a profile
     * @return its statistics
     */
    public static ProfileData data(Profile profile) {
        ensureRegistered();
        return accessor.apply(profile);
    }
}
