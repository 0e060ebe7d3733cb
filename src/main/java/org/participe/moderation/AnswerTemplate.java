package org.participe.moderation;

/** A reusable answer text the town keeps, which officials adapt before publishing. */
public record AnswerTemplate(long id, String title, String body, long version) {
}
