"""Text layers of the document model: lines, sentences, words, quotations and reported speech."""
