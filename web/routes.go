package web

// routes is the whole route table. Handlers are methods on Server, one file
// per page: searchpage.go, quotespage.go, statementpage.go, namepage.go,
// api.go (with export.go for ?format=csv|jsonl), ingest.go, delete.go,
// openapi.go, feed.go, alerts.go, alertspage.go. openapi.json describes every route
// under /api, the feeds (/feed.atom, /alerts/:id/feed.atom) and /healthz,
// and a test keeps the two in step; the other routes under /alerts are
// pages. Any other path is a 404, as JSON under /api and as a page
// elsewhere (handleError).
func (s *Server) routes() {
	e := s.echo

	// Pages, server-rendered; they work without JavaScript.
	e.GET("/", s.searchPage)
	e.GET(pathQuotes, s.quotesPage)
	e.GET("/statements/:id", s.statementPage)
	e.GET("/statements/:id/original", s.original)
	// A page per name (namepage.go).
	e.GET(pathPeople+"/:name", s.namePage(paramPerson))
	e.GET(pathOrganizations+"/:name", s.namePage(paramOrg))
	e.GET(pathPlaces+"/:name", s.namePage(paramPlace))
	e.GET(pathSources+"/:name", s.namePage(paramSource))
	e.GET(pathBatch, s.batchForm)
	e.POST(pathBatch, s.batchSearch)
	e.GET("/static/*", s.staticFile)

	// JSON API.
	e.GET("/api/search", s.apiSearchGet)
	e.POST("/api/search", s.apiSearchPost)
	e.GET("/api/quotes", s.apiQuotes)
	e.GET("/api/documents/:id", s.apiDocument)
	e.GET(pathOpenAPI, s.openAPI)
	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", s.metricsHandler())

	// Ingest: token holders add statements (requireIngestToken). Its body
	// cap and timeout are larger than every other route's (limitsOf).
	e.POST(pathDocuments, s.ingest, s.requireIngestToken)
	// Deleting a statement is for token holders too (requireDeleteToken).
	e.DELETE(pathDocuments+"/:id", s.deleteDocument, s.requireDeleteToken)

	// Feeds. The search feed is as public as the search page; an alert's
	// feed needs the key in its URL (feedKey), since readers send no
	// Authorization header.
	e.GET(pathFeed, s.searchFeed)
	e.GET("/alerts/:id/feed.atom", s.alertFeed)

	// The alerts pages: the alert API for people, behind the token typed
	// once into a form (alertspage.go says how it is kept).
	e.GET(pathAlerts, s.alertsPage)
	e.POST(pathAlerts, s.followSearch)
	e.POST(pathAlertsSession, s.signIn)
	e.POST(pathAlertsSignOut, s.signOut)
	e.POST(pathAlerts+"/:id/delete", s.deleteAlertForm)

	// Alerts: saved searches, for token holders only (requireToken).
	e.POST("/api/backup", s.backup, s.requireBackupToken)
	e.POST("/api/alerts", s.createAlert, s.requireToken)
	e.GET("/api/alerts", s.listAlerts, s.requireToken)
	e.GET("/api/alerts/:id", s.getAlert, s.requireToken)
	e.DELETE("/api/alerts/:id", s.deleteAlert, s.requireToken)
	e.GET("/api/alerts/:id/matches", s.alertMatches, s.requireToken)
	e.POST("/api/alerts/:id/secret", s.rotateAlertSecret, s.requireToken)
}
