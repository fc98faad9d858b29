package org.kiban.exchange.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.exchange.ChangeFeedEntry;
import org.kiban.exchange.internal.ChangeFeed;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The PULL API of the change feed: read after your cursor, remember the last {@code seq}, read again. */
@RestController
@Tag(name = "exchange", description = "データ連携（変更フィード）")
public class ChangeFeedController {

    private final ChangeFeed feed;

    ChangeFeedController(ChangeFeed feed) {
        this.feed = feed;
    }

    /** A page of the feed and the cursor to continue from. */
    public record Page(List<ChangeFeedEntry> changes, long next) {
    }

    @GetMapping("/api/v1/municipalities/{lgCode}/changes")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Operation(summary = "Committed 異動 after a cursor (at-least-once: keep the last seq you processed)")
    public Page changes(@PathVariable String lgCode, @RequestParam(defaultValue = "0") long after,
                        @RequestParam(defaultValue = "100") int limit) {
        if (after < 0 || limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("invalid-cursor");
        }
        List<ChangeFeedEntry> changes = feed.after(after, limit);
        return new Page(changes, changes.isEmpty() ? after : changes.get(changes.size() - 1).seq());
    }
}
