package org.participe.moderation;

import org.participe.base.content.ContentKey;

import java.util.List;

/** What an action on several items did: how many it changed, and those another official changed first (left alone). */
public record ActionResult(int done, List<ContentKey> conflicts) {
}
