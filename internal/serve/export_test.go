package serve

// Highlight exposes the article highlighter to the black-box tests.
var Highlight = highlight
