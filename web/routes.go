package web

// routes is the whole route table. Handlers are methods on Server, one file
// per page: searchpage.go, quotespage.go, statementpage.go, api.go. Any other path is a 404,
// as JSON under /api and as a page elsewhere (handleError).
func (s *Server) routes() {
	e := s.echo

	// Pages, server-rendered; they work without JavaScript.
	e.GET("/", s.searchPage)
	e.GET(pathQuotes, s.quotesPage)
	e.GET("/statements/:id", s.statementPage)
	e.GET("/static/*", s.staticFile)

	// JSON API.
	e.GET("/api/search", s.apiSearchGet)
	e.POST("/api/search", s.apiSearchPost)
	e.GET("/api/quotes", s.apiQuotes)
	e.GET("/api/documents/:id", s.apiDocument)
	e.GET("/healthz", s.healthz)
}
