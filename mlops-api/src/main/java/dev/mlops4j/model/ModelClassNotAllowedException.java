package dev.mlops4j.model;

/**
 * A model file names a class that is not on the {@link ClassAllowList}: loading was refused before anything was
 * deserialized or instantiated. If the class is trusted, add it (or its package) to the allow-list.
 */
public class ModelClassNotAllowedException extends ModelLoadException {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final String allowList;

    /**
     * @param className the refused class name, as written in the file
     * @param allowList the allow-list that refused it
     * @param where what was being loaded, e.g. a file or artifact path
     */
    public ModelClassNotAllowedException(String className, ClassAllowList allowList, String where) {
        super("refused to load " + where + ": it names class '" + className + "', which is not on the allow-list "
                + allowList.patterns() + ". Nothing was deserialized. If you trust this model, allow the class with"
                + " ClassAllowList.of(...)");
        this.className = className;
        this.allowList = allowList.patterns().toString();
    }

    /** @return the refused class name */
    public String className() {
        return className;
    }

    /** @return the patterns of the allow-list that refused it */
    public String allowList() {
        return allowList;
    }
}
