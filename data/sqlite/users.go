package sqlite

import (
	"context"
	"fmt"
	"strings"

	"arbeidsboks/data"

	"golang.org/x/crypto/ssh"
)

// ParseKey reads an authorized_keys line ("ssh-ed25519 AAAA… comment") and
// gives the key as stored ("type base64") and its comment.
func ParseKey(line string) (key, comment string, err error) {
	pub, comment, _, _, err := ssh.ParseAuthorizedKey([]byte(strings.TrimSpace(line)))
	if err != nil {
		return "", "", &data.FieldError{Value: shortened(line), Code: data.CodeSSHKey}
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub))), comment, nil
}

// shortened is a key as an error quotes it: its start is enough to know
// it by, and the rest is noise on a terminal.
func shortened(line string) string {
	line = strings.TrimSpace(data.CleanText(line, false))
	if r := []rune(line); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return line
}

func (r reader) Users(ctx context.Context) ([]data.User, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT id, office, name, role, active, version, created FROM users ORDER BY name`)
	if err != nil {
		return nil, mapError(err)
	}
	var users []data.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		users = append(users, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	for i := range users {
		if users[i].Keys, err = r.keys(ctx, users[i].ID); err != nil {
			return nil, err
		}
	}
	return users, nil
}

func scanUser(row interface{ Scan(...any) error }) (data.User, error) {
	var u data.User
	var created string
	if err := row.Scan(&u.ID, &u.Office, &u.Name, &u.Role, &u.Active, &u.Version, &created); err != nil {
		return u, err
	}
	var s scanner
	u.Created = s.time(created)
	return u, s.err
}

func (r reader) keys(ctx context.Context, userID int64) ([]string, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT key, comment FROM user_keys WHERE user_id = ? ORDER BY id`, userID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var key, comment string
		if err := rows.Scan(&key, &comment); err != nil {
			return nil, err
		}
		keys = append(keys, strings.TrimSpace(key+" "+comment))
	}
	return keys, mapError(rows.Err())
}

func (r reader) UserByName(ctx context.Context, name string) (data.User, error) {
	u, err := scanUser(r.q.QueryRowContext(ctx, `SELECT id, office, name, role, active, version, created
		FROM users WHERE name = ?`, name))
	if err != nil {
		return u, mapError(err)
	}
	u.Keys, err = r.keys(ctx, u.ID)
	return u, err
}

func (r reader) UserByKey(ctx context.Context, line string) (data.User, error) {
	key, _, err := ParseKey(line)
	if err != nil {
		return data.User{}, err
	}
	u, err := scanUser(r.q.QueryRowContext(ctx, `SELECT u.id, u.office, u.name, u.role, u.active, u.version,
		u.created FROM users u JOIN user_keys k ON k.user_id = u.id WHERE k.key = ?`, key))
	if err != nil {
		return u, mapError(err)
	}
	u.Keys, err = r.keys(ctx, u.ID)
	return u, err
}

func (t *tx) AddUser(ctx context.Context, u *data.User) error {
	if err := t.requireRole(data.RoleLead); err != nil {
		return err
	}
	name := strings.TrimSpace(data.CleanText(u.Name, false))
	if name == "" || len(name) > data.MaxShortText {
		return &data.FieldError{Column: "name", Value: u.Name, Code: data.CodeRequired}
	}
	if _, err := t.UserByName(ctx, name); err == nil {
		return &data.FieldError{Value: name, Code: data.CodeUserExists}
	}
	if u.Office == "" {
		u.Office = t.actor.Office
	}
	u.Name, u.Active, u.Version, u.Created = name, true, 1, t.now
	res, err := t.q.ExecContext(ctx, `INSERT INTO users (office, name, role, active, version, created)
		VALUES (?, ?, ?, 1, 1, ?)`, u.Office, u.Name, string(u.Role), stamp(t.now))
	if err != nil {
		return mapError(err)
	}
	if u.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := t.audit(ctx, data.ActionCreate, data.EntityUser, u.ID, nil, userFields(*u)); err != nil {
		return err
	}
	for _, k := range u.Keys {
		if err := t.addKey(ctx, u.ID, k); err != nil {
			return err
		}
	}
	return t.changed(ctx, data.EntityUser, u.ID, data.ActionCreate)
}

func userFields(u data.User) fields {
	return fields{"name": u.Name, "role": string(u.Role), "active": u.Active}
}

func (t *tx) AddKey(ctx context.Context, name, key string) error {
	if err := t.requireRole(data.RoleLead); err != nil {
		return err
	}
	u, err := t.UserByName(ctx, name)
	if err != nil {
		return fmt.Errorf("user %s: %w", name, err)
	}
	if err := t.addKey(ctx, u.ID, key); err != nil {
		return err
	}
	return t.changed(ctx, data.EntityUser, u.ID, data.ActionUpdate)
}

func (t *tx) addKey(ctx context.Context, userID int64, line string) error {
	key, comment, err := ParseKey(line)
	if err != nil {
		return err
	}
	var owner string
	err = t.q.QueryRowContext(ctx, `SELECT u.name FROM user_keys k JOIN users u ON u.id = k.user_id WHERE k.key = ?`, key).Scan(&owner)
	if err == nil {
		return &data.FieldError{Value: shortened(line), Code: data.CodeKeyTaken, Args: []string{owner}}
	}
	if _, err := t.q.ExecContext(ctx, `INSERT INTO user_keys (user_id, key, comment, added) VALUES (?, ?, ?, ?)`,
		userID, key, data.CleanText(comment, false), stamp(t.now)); err != nil {
		return mapError(err)
	}
	return t.audit(ctx, data.ActionUpdate, data.EntityUser, userID, nil, fields{"key_added": key})
}

func (t *tx) DeactivateUser(ctx context.Context, name string) error {
	if err := t.requireRole(data.RoleLead); err != nil {
		return err
	}
	u, err := t.UserByName(ctx, name)
	if err != nil {
		return fmt.Errorf("user %s: %w", name, err)
	}
	if !u.Active {
		return nil
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE users SET active = 0, version = version + 1 WHERE id = ?`, u.ID); err != nil {
		return mapError(err)
	}
	if err := t.audit(ctx, data.ActionUpdate, data.EntityUser, u.ID, fields{"active": true}, fields{"active": false}); err != nil {
		return err
	}
	return t.changed(ctx, data.EntityUser, u.ID, data.ActionUpdate)
}
