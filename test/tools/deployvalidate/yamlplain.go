package main

import (
	"bytes"
	"errors"
	"io"

	yaml "go.yaml.in/yaml/v3"
)

const yamlMapping = yaml.MappingNode

// plainYAML checks that a file the edit engine will extend is plain YAML: one document,
// no anchors, aliases or merge keys. It returns the document's root node.
func plainYAML(c *checker, name string, raw []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	var docs []*yaml.Node
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if !c.noErr(err, "%s is valid YAML", name) {
			return nil
		}
		docs = append(docs, &n)
	}
	if !c.check(len(docs) == 1, "%s holds exactly one YAML document (got %d)", name, len(docs)) {
		return nil
	}
	var bad []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Anchor != "" {
			bad = append(bad, "anchor &"+n.Anchor)
		}
		if n.Kind == yaml.AliasNode {
			bad = append(bad, "alias *"+n.Value)
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == "<<" && n.Content[i].Tag == "!!merge" {
					bad = append(bad, "merge key <<")
				}
			}
		}
		for _, ch := range n.Content {
			walk(ch)
		}
	}
	walk(docs[0])
	c.check(len(bad) == 0, "%s uses no anchors, aliases or merge keys (found %v)", name, bad)
	root := docs[0]
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return root
}

// mapValue returns the value of key in a mapping node, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
