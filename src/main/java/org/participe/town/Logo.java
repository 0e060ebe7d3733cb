package org.participe.town;

public record Logo(byte[] content, String contentType) {
}
