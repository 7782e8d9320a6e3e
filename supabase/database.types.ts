export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "12"
  }
  public: {
    Tables: {
      account_domains: {
        Row: {
          account_id: string
          account_sort_name: string
          created_at: string
          domain: string
          org_id: string
        }
        Insert: {
          account_id: string
          account_sort_name: string
          created_at?: string
          domain: string
          org_id: string
        }
        Update: {
          account_id?: string
          account_sort_name?: string
          created_at?: string
          domain?: string
          org_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "account_domains_org_id_account_id_fkey"
            columns: ["org_id", "account_id"]
            isOneToOne: false
            referencedRelation: "account_overview"
            referencedColumns: ["org_id", "account_id"]
          },
          {
            foreignKeyName: "account_domains_org_id_account_id_fkey"
            columns: ["org_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      account_merges: {
        Row: {
          id: string
          keep_id: string
          kept_name: string
          merged_at: string
          merged_by: string | null
          merged_id: string
          merged_name: string
          org_id: string
          undone_at: string | null
          undone_by: string | null
        }
        Insert: {
          id?: string
          keep_id: string
          kept_name: string
          merged_at?: string
          merged_by?: string | null
          merged_id: string
          merged_name: string
          org_id: string
          undone_at?: string | null
          undone_by?: string | null
        }
        Update: {
          id?: string
          keep_id?: string
          kept_name?: string
          merged_at?: string
          merged_by?: string | null
          merged_id?: string
          merged_name?: string
          org_id?: string
          undone_at?: string | null
          undone_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "account_merges_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      accounts: {
        Row: {
          created_at: string
          created_by: string | null
          id: string
          name: string
          org_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          id?: string
          name: string
          org_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          id?: string
          name?: string
          org_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "accounts_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      coaching_notes: {
        Row: {
          author_id: string
          body: string
          created_at: string
          id: string
          org_id: string
          period_id: string
          updated_at: string
        }
        Insert: {
          author_id: string
          body: string
          created_at?: string
          id?: string
          org_id: string
          period_id: string
          updated_at?: string
        }
        Update: {
          author_id?: string
          body?: string
          created_at?: string
          id?: string
          org_id?: string
          period_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "coaching_notes_org_id_period_id_fkey"
            columns: ["org_id", "period_id"]
            isOneToOne: false
            referencedRelation: "coaching_periods"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      coaching_periods: {
        Row: {
          created_at: string
          employee_id: string
          ended_at: string | null
          ends_on: string
          id: string
          manager_id: string
          org_id: string
          purpose: string
          starts_on: string
        }
        Insert: {
          created_at?: string
          employee_id: string
          ended_at?: string | null
          ends_on: string
          id?: string
          manager_id: string
          org_id: string
          purpose: string
          starts_on: string
        }
        Update: {
          created_at?: string
          employee_id?: string
          ended_at?: string | null
          ends_on?: string
          id?: string
          manager_id?: string
          org_id?: string
          purpose?: string
          starts_on?: string
        }
        Relationships: [
          {
            foreignKeyName: "coaching_periods_org_id_employee_id_fkey"
            columns: ["org_id", "employee_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["org_id", "user_id"]
          },
          {
            foreignKeyName: "coaching_periods_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      contact_identities: {
        Row: {
          contact_id: string
          created_at: string
          email: string | null
          id: string
          linkedin_url: string | null
          org_id: string
        }
        Insert: {
          contact_id: string
          created_at?: string
          email?: string | null
          id?: string
          linkedin_url?: string | null
          org_id: string
        }
        Update: {
          contact_id?: string
          created_at?: string
          email?: string | null
          id?: string
          linkedin_url?: string | null
          org_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "contact_identities_org_id_contact_id_fkey"
            columns: ["org_id", "contact_id"]
            isOneToOne: false
            referencedRelation: "contacts"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      contact_merges: {
        Row: {
          account_id: string | null
          id: string
          keep_id: string
          kept_name: string
          merged_at: string
          merged_by: string | null
          merged_email: string | null
          merged_id: string
          merged_linkedin_url: string | null
          merged_name: string
          org_id: string
          undone_at: string | null
          undone_by: string | null
        }
        Insert: {
          account_id?: string | null
          id?: string
          keep_id: string
          kept_name: string
          merged_at?: string
          merged_by?: string | null
          merged_email?: string | null
          merged_id: string
          merged_linkedin_url?: string | null
          merged_name: string
          org_id: string
          undone_at?: string | null
          undone_by?: string | null
        }
        Update: {
          account_id?: string | null
          id?: string
          keep_id?: string
          kept_name?: string
          merged_at?: string
          merged_by?: string | null
          merged_email?: string | null
          merged_id?: string
          merged_linkedin_url?: string | null
          merged_name?: string
          org_id?: string
          undone_at?: string | null
          undone_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "contact_merges_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      contacts: {
        Row: {
          account_id: string | null
          company: string | null
          created_at: string
          created_by: string | null
          email: string | null
          full_name: string
          id: string
          linkedin_url: string | null
          org_id: string
          title: string | null
          updated_at: string
        }
        Insert: {
          account_id?: string | null
          company?: string | null
          created_at?: string
          created_by?: string | null
          email?: string | null
          full_name: string
          id?: string
          linkedin_url?: string | null
          org_id: string
          title?: string | null
          updated_at?: string
        }
        Update: {
          account_id?: string | null
          company?: string | null
          created_at?: string
          created_by?: string | null
          email?: string | null
          full_name?: string
          id?: string
          linkedin_url?: string | null
          org_id?: string
          title?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "contacts_org_id_account_id_fkey"
            columns: ["org_id", "account_id"]
            isOneToOne: false
            referencedRelation: "account_overview"
            referencedColumns: ["org_id", "account_id"]
          },
          {
            foreignKeyName: "contacts_org_id_account_id_fkey"
            columns: ["org_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "contacts_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      entry_routes: {
        Row: {
          created_at: string
          id: string
          interaction_id: string
          note: string | null
          org_id: string
          routed_by: string
          to_department: string | null
          to_user: string | null
        }
        Insert: {
          created_at?: string
          id?: string
          interaction_id: string
          note?: string | null
          org_id: string
          routed_by: string
          to_department?: string | null
          to_user?: string | null
        }
        Update: {
          created_at?: string
          id?: string
          interaction_id?: string
          note?: string | null
          org_id?: string
          routed_by?: string
          to_department?: string | null
          to_user?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "entry_routes_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "entry_routes_org_id_interaction_id_fkey"
            columns: ["org_id", "interaction_id"]
            isOneToOne: false
            referencedRelation: "account_timeline"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "entry_routes_org_id_interaction_id_fkey"
            columns: ["org_id", "interaction_id"]
            isOneToOne: false
            referencedRelation: "interactions"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "entry_routes_org_id_to_user_fkey"
            columns: ["org_id", "to_user"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["org_id", "user_id"]
          },
        ]
      }
      entry_thanks: {
        Row: {
          created_at: string
          from_user: string
          interaction_id: string
          note: string | null
          org_id: string
        }
        Insert: {
          created_at?: string
          from_user: string
          interaction_id: string
          note?: string | null
          org_id: string
        }
        Update: {
          created_at?: string
          from_user?: string
          interaction_id?: string
          note?: string | null
          org_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "entry_thanks_org_id_from_user_fkey"
            columns: ["org_id", "from_user"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["org_id", "user_id"]
          },
          {
            foreignKeyName: "entry_thanks_org_id_interaction_id_fkey"
            columns: ["org_id", "interaction_id"]
            isOneToOne: false
            referencedRelation: "account_timeline"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "entry_thanks_org_id_interaction_id_fkey"
            columns: ["org_id", "interaction_id"]
            isOneToOne: false
            referencedRelation: "interactions"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      interaction_revisions: {
        Row: {
          body: string
          edited_at: string
          edited_by: string | null
          id: string
          interaction_id: string
          org_id: string
          signals: string[]
          title: string
        }
        Insert: {
          body: string
          edited_at?: string
          edited_by?: string | null
          id?: string
          interaction_id: string
          org_id: string
          signals: string[]
          title: string
        }
        Update: {
          body?: string
          edited_at?: string
          edited_by?: string | null
          id?: string
          interaction_id?: string
          org_id?: string
          signals?: string[]
          title?: string
        }
        Relationships: [
          {
            foreignKeyName: "interaction_revisions_org_id_interaction_id_fkey"
            columns: ["org_id", "interaction_id"]
            isOneToOne: false
            referencedRelation: "account_timeline"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "interaction_revisions_org_id_interaction_id_fkey"
            columns: ["org_id", "interaction_id"]
            isOneToOne: false
            referencedRelation: "interactions"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      interactions: {
        Row: {
          account_id: string | null
          author_id: string
          body: string
          contact_id: string | null
          created_at: string
          id: string
          kind: string
          occurred_at: string
          org_id: string
          retracted_at: string | null
          signals: string[]
          source_ref: string | null
          source_url: string | null
          title: string
          updated_at: string
        }
        Insert: {
          account_id?: string | null
          author_id: string
          body?: string
          contact_id?: string | null
          created_at?: string
          id?: string
          kind: string
          occurred_at: string
          org_id: string
          retracted_at?: string | null
          signals?: string[]
          source_ref?: string | null
          source_url?: string | null
          title: string
          updated_at?: string
        }
        Update: {
          account_id?: string | null
          author_id?: string
          body?: string
          contact_id?: string | null
          created_at?: string
          id?: string
          kind?: string
          occurred_at?: string
          org_id?: string
          retracted_at?: string | null
          signals?: string[]
          source_ref?: string | null
          source_url?: string | null
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "interactions_org_id_account_id_fkey"
            columns: ["org_id", "account_id"]
            isOneToOne: false
            referencedRelation: "account_overview"
            referencedColumns: ["org_id", "account_id"]
          },
          {
            foreignKeyName: "interactions_org_id_account_id_fkey"
            columns: ["org_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "interactions_org_id_contact_id_fkey"
            columns: ["org_id", "contact_id"]
            isOneToOne: false
            referencedRelation: "contacts"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "interactions_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      invites: {
        Row: {
          code: string
          created_at: string
          created_by: string | null
          expires_at: string
          id: string
          org_id: string
          role: string
          used_at: string | null
          used_by: string | null
        }
        Insert: {
          code: string
          created_at?: string
          created_by?: string | null
          expires_at?: string
          id?: string
          org_id: string
          role?: string
          used_at?: string | null
          used_by?: string | null
        }
        Update: {
          code?: string
          created_at?: string
          created_by?: string | null
          expires_at?: string
          id?: string
          org_id?: string
          role?: string
          used_at?: string | null
          used_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "invites_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      memberships: {
        Row: {
          created_at: string
          department: string | null
          display_name: string
          org_id: string
          role: string
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          department?: string | null
          display_name: string
          org_id: string
          role?: string
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          department?: string | null
          display_name?: string
          org_id?: string
          role?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "memberships_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      organizations: {
        Row: {
          created_at: string
          created_by: string | null
          id: string
          name: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          id?: string
          name: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          id?: string
          name?: string
          updated_at?: string
        }
        Relationships: []
      }
      plan_item_revisions: {
        Row: {
          body: string
          due_on: string | null
          edited_at: string
          edited_by: string | null
          id: string
          org_id: string
          plan_item_id: string
        }
        Insert: {
          body: string
          due_on?: string | null
          edited_at?: string
          edited_by?: string | null
          id?: string
          org_id: string
          plan_item_id: string
        }
        Update: {
          body?: string
          due_on?: string | null
          edited_at?: string
          edited_by?: string | null
          id?: string
          org_id?: string
          plan_item_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "plan_item_revisions_org_id_plan_item_id_fkey"
            columns: ["org_id", "plan_item_id"]
            isOneToOne: false
            referencedRelation: "plan_items"
            referencedColumns: ["org_id", "id"]
          },
        ]
      }
      plan_items: {
        Row: {
          account_id: string
          author_id: string
          body: string
          contact_id: string | null
          created_at: string
          due_on: string | null
          id: string
          kind: string
          org_id: string
          outcome: string | null
          settled_at: string | null
          settled_by: string | null
          settled_interaction_id: string | null
          settled_note: string | null
          side: string | null
          source_interaction_id: string | null
          taken_by: string | null
          updated_at: string
        }
        Insert: {
          account_id: string
          author_id: string
          body: string
          contact_id?: string | null
          created_at?: string
          due_on?: string | null
          id?: string
          kind: string
          org_id: string
          outcome?: string | null
          settled_at?: string | null
          settled_by?: string | null
          settled_interaction_id?: string | null
          settled_note?: string | null
          side?: string | null
          source_interaction_id?: string | null
          taken_by?: string | null
          updated_at?: string
        }
        Update: {
          account_id?: string
          author_id?: string
          body?: string
          contact_id?: string | null
          created_at?: string
          due_on?: string | null
          id?: string
          kind?: string
          org_id?: string
          outcome?: string | null
          settled_at?: string | null
          settled_by?: string | null
          settled_interaction_id?: string | null
          settled_note?: string | null
          side?: string | null
          source_interaction_id?: string | null
          taken_by?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "plan_items_org_id_account_id_fkey"
            columns: ["org_id", "account_id"]
            isOneToOne: false
            referencedRelation: "account_overview"
            referencedColumns: ["org_id", "account_id"]
          },
          {
            foreignKeyName: "plan_items_org_id_account_id_fkey"
            columns: ["org_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "plan_items_org_id_contact_id_fkey"
            columns: ["org_id", "contact_id"]
            isOneToOne: false
            referencedRelation: "contacts"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "plan_items_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "plan_items_org_id_settled_interaction_id_fkey"
            columns: ["org_id", "settled_interaction_id"]
            isOneToOne: false
            referencedRelation: "account_timeline"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "plan_items_org_id_settled_interaction_id_fkey"
            columns: ["org_id", "settled_interaction_id"]
            isOneToOne: false
            referencedRelation: "interactions"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "plan_items_org_id_source_interaction_id_fkey"
            columns: ["org_id", "source_interaction_id"]
            isOneToOne: false
            referencedRelation: "account_timeline"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "plan_items_org_id_source_interaction_id_fkey"
            columns: ["org_id", "source_interaction_id"]
            isOneToOne: false
            referencedRelation: "interactions"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "plan_items_org_id_taken_by_fkey"
            columns: ["org_id", "taken_by"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["org_id", "user_id"]
          },
        ]
      }
      route_dismissals: {
        Row: {
          org_id: string
          route_id: string
          user_id: string
        }
        Insert: {
          org_id: string
          route_id: string
          user_id: string
        }
        Update: {
          org_id?: string
          route_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "route_dismissals_org_id_route_id_fkey"
            columns: ["org_id", "route_id"]
            isOneToOne: false
            referencedRelation: "entry_routes"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "route_dismissals_org_id_user_id_fkey"
            columns: ["org_id", "user_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["org_id", "user_id"]
          },
        ]
      }
    }
    Views: {
      account_overview: {
        Row: {
          account_id: string | null
          contact_count: number | null
          domains: string[] | null
          last_activity_at: string | null
          name: string | null
          org_id: string | null
          signals_90d: Json | null
        }
        Insert: {
          account_id?: string | null
          contact_count?: never
          domains?: never
          last_activity_at?: never
          name?: string | null
          org_id?: string | null
          signals_90d?: never
        }
        Update: {
          account_id?: string | null
          contact_count?: never
          domains?: never
          last_activity_at?: never
          name?: string | null
          org_id?: string | null
          signals_90d?: never
        }
        Relationships: [
          {
            foreignKeyName: "accounts_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      account_timeline: {
        Row: {
          account_id: string | null
          account_name: string | null
          author_department: string | null
          author_display_name: string | null
          author_id: string | null
          body: string | null
          contact_id: string | null
          contact_name: string | null
          created_at: string | null
          id: string | null
          kind: string | null
          occurred_at: string | null
          org_id: string | null
          revision_count: number | null
          signals: string[] | null
          source_url: string | null
          title: string | null
          updated_at: string | null
        }
        Insert: {
          account_id?: string | null
          account_name?: never
          author_department?: never
          author_display_name?: never
          author_id?: string | null
          body?: string | null
          contact_id?: string | null
          contact_name?: never
          created_at?: string | null
          id?: string | null
          kind?: string | null
          occurred_at?: string | null
          org_id?: string | null
          revision_count?: never
          signals?: string[] | null
          source_url?: never
          title?: string | null
          updated_at?: string | null
        }
        Update: {
          account_id?: string | null
          account_name?: never
          author_department?: never
          author_display_name?: never
          author_id?: string | null
          body?: string | null
          contact_id?: string | null
          contact_name?: never
          created_at?: string | null
          id?: string | null
          kind?: string | null
          occurred_at?: string | null
          org_id?: string | null
          revision_count?: never
          signals?: string[] | null
          source_url?: never
          title?: string | null
          updated_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "interactions_org_id_account_id_fkey"
            columns: ["org_id", "account_id"]
            isOneToOne: false
            referencedRelation: "account_overview"
            referencedColumns: ["org_id", "account_id"]
          },
          {
            foreignKeyName: "interactions_org_id_account_id_fkey"
            columns: ["org_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "interactions_org_id_contact_id_fkey"
            columns: ["org_id", "contact_id"]
            isOneToOne: false
            referencedRelation: "contacts"
            referencedColumns: ["org_id", "id"]
          },
          {
            foreignKeyName: "interactions_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      signal_trends: {
        Row: {
          accounts: number | null
          entries: number | null
          org_id: string | null
          signal: string | null
          week: string | null
        }
        Relationships: [
          {
            foreignKeyName: "interactions_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Functions: {
      account_contacts: {
        Args: { account_id: string; org_id: string }
        Returns: {
          company: string
          email: string
          full_name: string
          further_emails: string[]
          further_linkedin_urls: string[]
          id: string
          last_entry_at: string
          linkedin_url: string
          title: string
        }[]
      }
      account_plan: {
        Args: { account_id: string; org_id: string }
        Returns: {
          author_display_name: string
          author_id: string
          body: string
          contact_id: string
          contact_name: string
          created_at: string
          due_on: string
          id: string
          kind: string
          outcome: string
          revision_count: number
          settled_at: string
          settled_by: string
          settled_interaction_id: string
          settled_note: string
          side: string
          source_interaction_id: string
          taken_by: string
          taken_by_display_name: string
        }[]
      }
      add_coaching_note: {
        Args: { body: string; period_id: string }
        Returns: string
      }
      add_plan_item: {
        Args: {
          account_id: string
          body: string
          contact_id?: string
          due_on?: string
          id?: string
          kind: string
          org_id: string
          side?: string
          source_interaction_id?: string
          take?: boolean
        }
        Returns: string
      }
      create_invite: {
        Args: { org_id: string; role?: string }
        Returns: string
      }
      create_organization: { Args: { name: string }; Returns: string }
      dismiss_route: { Args: { route_id: string }; Returns: undefined }
      due_steps: {
        Args: {
          account_ids?: string[]
          only_mine?: boolean
          org_id: string
          until: string
        }
        Returns: {
          account_id: string
          account_name: string
          author_id: string
          body: string
          contact_id: string
          contact_name: string
          due_on: string
          id: string
          side: string
          source_interaction_id: string
          taken_by: string
          taken_by_display_name: string
        }[]
      }
      edit_plan_item: {
        Args: {
          body?: string
          clear_contact_id?: boolean
          clear_due_on?: boolean
          contact_id?: string
          due_on?: string
          id: string
        }
        Returns: undefined
      }
      end_coaching_period: { Args: { id: string }; Returns: undefined }
      file_interaction: { Args: { capture: Json }; Returns: Json }
      for_you: {
        Args: { org_id: string; since?: string }
        Returns: {
          interaction_id: string
          note: string
          route_id: string
          routed_at: string
          routed_by_display_name: string
        }[]
      }
      import_records: {
        Args: { dry_run?: boolean; org_id: string; rows: Json }
        Returns: Json
      }
      join_organization: { Args: { code: string }; Returns: string }
      lookup_context: {
        Args: {
          emails: string[]
          full_name?: string
          linkedin_url: string
          org_id?: string
        }
        Returns: Json
      }
      merge_accounts: {
        Args: { keep_id: string; merge_id: string; org_id: string }
        Returns: string
      }
      merge_contacts: {
        Args: { keep_id: string; merge_id: string; org_id: string }
        Returns: string
      }
      merge_history: {
        Args: { account_id: string; org_id: string }
        Returns: {
          id: string
          keep_id: string
          kept_name: string
          kind: string
          merged_at: string
          merged_by_display_name: string
          merged_domain: string
          merged_email: string
          merged_id: string
          merged_linkedin_url: string
          merged_name: string
          undo_until: string
          undone_at: string
          undone_by_display_name: string
        }[]
      }
      my_source_urls: {
        Args: Record<PropertyKey, never>
        Returns: {
          id: string
          source_url: string
        }[]
      }
      open_coaching_period: {
        Args: {
          employee_id: string
          ends_on: string
          org_id: string
          purpose: string
        }
        Returns: string
      }
      purge_ended_coaching: {
        Args: Record<PropertyKey, never>
        Returns: undefined
      }
      purge_merge_details: {
        Args: Record<PropertyKey, never>
        Returns: undefined
      }
      release_step: { Args: { id: string }; Returns: undefined }
      reopen_plan_item: { Args: { id: string }; Returns: undefined }
      resolve_ids: {
        Args: { account_ids?: string[]; contact_ids?: string[]; org_id: string }
        Returns: {
          current_id: string
          kind: string
          old_id: string
        }[]
      }
      retract_interaction: { Args: { id: string }; Returns: undefined }
      route_entry: {
        Args: {
          interaction_id: string
          note?: string
          to_department?: string
          to_user?: string
        }
        Returns: string
      }
      search_accounts: {
        Args: { max_rows?: number; org_id: string; prefix: string }
        Returns: {
          account_id: string | null
          contact_count: number | null
          domains: string[] | null
          last_activity_at: string | null
          name: string | null
          org_id: string | null
          signals_90d: Json | null
        }[]
        SetofOptions: {
          from: "*"
          to: "account_overview"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      set_member_role: {
        Args: { org_id: string; role: string; user_id: string }
        Returns: undefined
      }
      settle_plan_item: {
        Args: {
          id: string
          interaction_id?: string
          note?: string
          outcome: string
        }
        Returns: undefined
      }
      signal_changes: {
        Args: { baseline_weeks?: number; org_id: string; recent_weeks?: number }
        Returns: {
          accounts: number
          baseline: number
          direction: string
          expected: number
          recent: number
          signal: string
        }[]
      }
      signal_series: {
        Args: {
          only_account?: string
          only_signal?: string
          org_id: string
          weeks?: number
        }
        Returns: {
          accounts: number
          entries: number
          signal: string
          week: string
        }[]
      }
      take_step: { Args: { id: string }; Returns: undefined }
      thank_author: {
        Args: { interaction_id: string; note?: string }
        Returns: undefined
      }
      undo_merge: {
        Args: { merge_id: string; org_id: string }
        Returns: string
      }
      withdraw_plan_item: { Args: { id: string }; Returns: undefined }
      withdraw_thanks: { Args: { interaction_id: string }; Returns: undefined }
    }
    Enums: {
      [_ in never]: never
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {},
  },
} as const
