package io.sib2ae.orchestrator.notehead;

import java.util.List;
import java.util.Optional;

/** An SVG start tag (name and attributes) as read, so it can be reproduced in derived files. */
public record ElementTag(String localName, List<SvgAttribute> attributes) {

    public ElementTag {
        attributes = List.copyOf(attributes);
    }

    /** The value of an unprefixed attribute. */
    public Optional<String> attribute(String name) {
        return attributes.stream()
                .filter(a -> a.localName().equals(name) && (a.prefix() == null || a.prefix().isEmpty()))
                .map(SvgAttribute::value)
                .findFirst();
    }
}
