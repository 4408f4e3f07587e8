package web

import (
	"errors"
	"fmt"
	"net/http"
	"syscall"

	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// Answers of DELETE /api/documents/:id when it cannot be used.
const (
	msgDeleteOff     = "deleting statements is not configured"
	msgDeleteNoToken = "deleting statements is disabled: start the server with --token or ADVOSEARCH_TOKEN to enable it"
	// msgDeleteDiskFull: the deletion is one batch, so nothing of it was
	// done, and sending it again is safe.
	msgDeleteDiskFull = "the server's disk is full, so the statement was not deleted: send the request again once space is freed"
)

// requireDeleteToken guards DELETE /api/documents/:id like ingest: 404
// without Options.Delete, 403 without a token, 401 without the right one.
// Anyone who could delete statements could hide what others look for.
func (s *Server) requireDeleteToken(next echo.HandlerFunc) echo.HandlerFunc {
	return s.guard(s.opts.Delete != nil, msgDeleteOff, msgDeleteNoToken)(next)
}

// deleteDocument answers DELETE /api/documents/:id: 204 once the statement,
// its quotes and its facet values are out of the index, 404 (JSON) when no
// statement has the ID, a deleted one included. The statement stays
// deleted when the same content is sent or read again; changed content
// brings it back. Its alert matches stay in their logs, marked deleted.
func (s *Server) deleteDocument(c echo.Context) error {
	id := c.Param("id")
	err := s.opts.Delete(c.Request().Context(), id)
	switch {
	case err == nil:
		return c.NoContent(http.StatusNoContent)
	case errors.Is(err, search.ErrNotFound):
		return err
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return echo.NewHTTPError(http.StatusInsufficientStorage, msgDeleteDiskFull).SetInternal(fmt.Errorf("web: delete %s: %w", id, err))
	}
	return fmt.Errorf("web: delete %s: %w", id, err)
}
