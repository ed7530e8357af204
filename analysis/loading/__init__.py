"""Loaders: files, folders, archives and tables of any common format → the articles table."""
