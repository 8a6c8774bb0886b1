"""Asisten Pengadaan: channels, notifier, helpdesk, storage and the command-line tool."""
