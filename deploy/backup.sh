#!/usr/bin/env bash
# Backs up a running blog's H2 database (through the editor's desk, as the desk's "Back up now"
# button does) and downloads the zip. To restore: stop the blog, unzip into an empty data folder.
#   BLOG_EDITOR_PASSWORD=… deploy/backup.sh [URL] [FOLDER]
# URL defaults to http://localhost:8080, FOLDER to the current one; BLOG_EDITOR_USERNAME to
# "editor". Needs curl. Prints the file written.
set -euo pipefail
url=${1:-http://localhost:8080}
url=${url%/}
into=${2:-.}
user=${BLOG_EDITOR_USERNAME:-editor}
: "${BLOG_EDITOR_PASSWORD:?set BLOG_EDITOR_PASSWORD to the editor\'s password}"
cookies=$(mktemp)
trap 'rm -f "$cookies"' EXIT

csrf() { # the CSRF token of a desk page
  curl -fsS -c "$cookies" -b "$cookies" "$url$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1
}

token=$(csrf /login)
login=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$cookies" -b "$cookies" \
  --data-urlencode "username=$user" --data-urlencode "password=$BLOG_EDITOR_PASSWORD" \
  --data-urlencode "_csrf=$token" "$url/login")
case "$login" in
  "302 $url/admin"|"302 $url/admin/"*) ;;
  *) echo "backup: the login was refused ($login)" >&2; exit 1 ;;
esac
token=$(csrf /admin/archive)
done=$(curl -fsS -L -c "$cookies" -b "$cookies" --data-urlencode "_csrf=$token" "$url/admin/backup")
name=$(printf '%s' "$done" | grep -o 'Backup written: blog-[0-9T-]*Z\(-[0-9]*\)\?\.zip' | head -1 | sed 's/Backup written: //')
[ -n "$name" ] || { echo "backup: the blog wrote no backup" >&2; exit 1; }
curl -fsS -b "$cookies" -o "$into/$name" "$url/admin/backups/$name"
echo "$into/$name"
