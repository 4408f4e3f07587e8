// Package corpus says where statements come from: the sample statements
// embedded in the binary, and files and folders on disk. It yields raw
// Documents; it does not extract text or index anything (package indexer
// does).
package corpus
