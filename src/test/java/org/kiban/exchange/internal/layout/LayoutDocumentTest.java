package org.kiban.exchange.internal.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published layout is generated from the definitions export and import use: the committed
 * {@code docs/exchange/layout.md} must be exactly the generated text. Run with {@code -Dkiban.layout.write=true}
 * to rewrite it after changing the layout.
 */
class LayoutDocumentTest {

    private static final Path DOC = Path.of("docs/exchange/layout.md");

    @Test
    void committedLayoutDocumentIsTheGeneratedOne() throws IOException {
        String generated = LayoutDocument.markdown();
        if (Boolean.getBoolean("kiban.layout.write")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as(DOC + " exists (generate it with -Dkiban.layout.write=true)").isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/exchange/layout.md differs from StandardLayout: regenerate with -Dkiban.layout.write=true")
                .isEqualTo(generated);
    }

    @Test
    void everyFileHasDistinctItemNamesAndItsKeysAndReferencesAreItems() {
        for (LayoutFile f : StandardLayout.FILES) {
            Set<String> names = new HashSet<>();
            for (Item i : f.items()) {
                assertThat(names.add(i.name())).as(f.file() + ": item name " + i.name() + " twice").isTrue();
                assertThat(i.name()).doesNotContain(",", "\"", "\n");
                assertThat(i.codes() != null).as(f.file() + " " + i.name())
                        .isEqualTo(i.type() == ItemType.CODE || i.type() == ItemType.CODE_LIST);
            }
            f.key().forEach(f::itemOf);
            f.uniques().forEach(u -> u.forEach(f::itemOf));
            if (f.sequence() != null) {
                f.sequence().group().forEach(f::itemOf);
                f.itemOf(f.sequence().number());
            }
            for (LayoutFile.Reference r : f.references()) {
                r.columns().forEach(f::itemOf);
                r.targetColumns().forEach(StandardLayout.file(r.targetFile())::itemOf);
                // Files are imported and checked in order: a reference points back, or to the same file.
                assertThat(StandardLayout.FILES.indexOf(StandardLayout.file(r.targetFile())))
                        .isLessThanOrEqualTo(StandardLayout.FILES.indexOf(f));
            }
        }
    }
}
