package io.jgrad.nn;

import java.util.List;

/**
 * What {@link Module#loadStateDict(java.util.Map, boolean)} returns, PyTorch's {@code _IncompatibleKeys}.
 *
 * @param missingKeys keys of the module that the state dict lacked
 * @param unexpectedKeys keys of the state dict that the module does not have
 */
public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
    /** {@code _IncompatibleKeys(missing_keys=['x'], unexpected_keys=[])}, as PyTorch prints it. */
    @Override
    public String toString() {
        return "_IncompatibleKeys(missing_keys=" + list(missingKeys) + ", unexpected_keys=" + list(unexpectedKeys) + ")";
    }

    private static String list(List<String> keys) {
        StringBuilder sb = new StringBuilder("[");
        for (String k : keys) {
            sb.append(sb.length() == 1 ? "" : ", ").append('\'').append(k).append('\'');
        }
        return sb.append(']').toString();
    }
}
