"""Screens of the reader besides the main one."""
